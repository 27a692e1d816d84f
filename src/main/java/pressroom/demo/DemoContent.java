package pressroom.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.articles.ArticlePictures;
import pressroom.articles.ArticlePictures.NewPicture;
import pressroom.articles.ArticlePictures.Rendition;
import pressroom.articles.ArticleStatus;
import pressroom.articles.ArticleWrites;
import pressroom.articles.ArticleWrites.StoredArticle;
import pressroom.articles.BodySanitizer;
import pressroom.articles.NewArticle;
import pressroom.articles.Sections;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.sources.SourceDao;

/**
 * Fills an empty site with the bundled demo: sections, partners and articles written for this
 * project (src/main/resources/demo/demo.json), so a first start shows a working news site.
 */
public final class DemoContent {
  private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
  private static final String RESOURCE = "/demo/demo.json";

  private final Sections sections;
  private final ArticleWrites articles;
  private final SourceDao sources;
  private final ArticlePictures pictures;
  private final InstantSource clock;

  public DemoContent(
      Sections sections,
      ArticleWrites articles,
      SourceDao sources,
      ArticlePictures pictures,
      InstantSource clock) {
    this.sections = sections;
    this.articles = articles;
    this.sources = sources;
    this.pictures = pictures;
    this.clock = clock;
  }

  record Demo(List<DemoSection> sections, List<DemoSource> sources, List<DemoArticle> articles) {}

  record DemoSection(String slug, String name, String description) {}

  record DemoSource(
      String key, String name, String homeUrl, String attribution, String seoPolicy) {}

  record DemoArticle(
      String section,
      String source,
      String headline,
      String summary,
      List<String> authors,
      String language,
      String direction,
      String originalUrl,
      String publishedAt,
      String updatedAt,
      String status,
      List<String> tags,
      List<String> body) {}

  /** Loads the demo if the site has no sections yet; returns the number of articles stored. */
  public int loadIfEmpty() {
    if (!sections.sections().isEmpty()) {
      return 0;
    }
    Demo demo = read();
    int position = 0;
    for (DemoSection s : demo.sections()) {
      sections.createSection(s.slug(), s.name(), s.description(), position++);
    }
    Map<String, String> sourceIds = new HashMap<>();
    for (DemoSource s : demo.sources()) {
      sourceIds.put(
          s.key(),
          sources.createSource(
              s.name(), s.homeUrl(), s.attribution(), SeoPolicy.fromDb(s.seoPolicy())));
    }
    List<StoredArticle> stored = new ArrayList<>();
    for (DemoArticle a : demo.articles()) {
      String body = BodySanitizer.clean(String.join("\n", a.body()), a.originalUrl());
      stored.add(
          articles.insert(
              NewArticle.builder()
                  .sectionSlug(a.section())
                  .sourceId(sourceIds.get(a.source()))
                  .headline(a.headline())
                  .summary(a.summary())
                  .authorNames(a.authors())
                  .bodyHtml(body)
                  .language(a.language())
                  .direction(a.direction())
                  .originalUrl(a.originalUrl())
                  .publishedAt(Instant.parse(a.publishedAt()))
                  .updatedAt(a.updatedAt() == null ? null : Instant.parse(a.updatedAt()))
                  .tagNames(a.tags())
                  .status(ArticleStatus.fromDb(a.status()))
                  .build()));
    }
    long drawing = System.nanoTime();
    storePictures(stored);
    log.info(
        "Demo illustrations drawn and stored in {} ms", (System.nanoTime() - drawing) / 1_000_000);
    log.info(
        "Loaded demo content: {} sections, {} partners, {} articles (start with --no-demo to skip)",
        demo.sections().size(),
        demo.sources().size(),
        demo.articles().size());
    return demo.articles().size();
  }

  /**
   * Draws each article's illustration (on every core: drawing and encoding are most of the cost)
   * and stores it as its picture; drafts get none until they are published.
   */
  private void storePictures(List<StoredArticle> stored) {
    Map<String, List<Rendition>> drawn = new ConcurrentHashMap<>();
    stored.parallelStream().forEach(a -> drawn.put(a.id(), DemoIllustrations.draw(a.slug())));
    for (StoredArticle a : stored) {
      pictures.store(
          a.id(),
          new NewPicture(
              "demo:" + a.slug(),
              DemoIllustrations.caption(a.slug()),
              DemoIllustrations.CREDIT,
              drawn.get(a.id())),
          false,
          clock.instant());
    }
  }

  private static Demo read() {
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = DemoContent.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo content " + RESOURCE + " is missing from the jar");
      }
      return json.readValue(in, Demo.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo content", e);
    }
  }
}
