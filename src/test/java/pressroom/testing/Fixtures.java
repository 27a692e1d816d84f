package pressroom.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import pressroom.App;
import pressroom.articles.ArticleStatus;
import pressroom.articles.ArticleWrites;
import pressroom.articles.ArticleWrites.StoredArticle;
import pressroom.articles.BodySanitizer;
import pressroom.articles.NewArticle;
import pressroom.articles.Sections;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.sources.SourceDao;

/** A small site written for the tests: one article per licence policy, plus the edge cases. */
public final class Fixtures {
  public static final String WIRE_ORIGINAL = "https://wire.example/2026/11/harbour-cranes";

  public final StoredArticle wire;
  public final StoredArticle noindex;
  public final StoredArticle own;
  public final StoredArticle arabic;
  public final StoredArticle withdrawn;
  public final StoredArticle draft;
  public final StoredArticle embargoed;

  private Fixtures(Sections sections, ArticleWrites dao, SourceDao sources) {
    sections.createSection("syndicated-news", "Syndicated News", "Stories from our partners.", 0);
    sections.createSection("world", "World", "News from everywhere.", 1);
    String wireId =
        sources.createSource(
            "Test Wire",
            "https://wire.example/",
            "Republished under licence from Test Wire.",
            SeoPolicy.CANONICAL);
    String agencyId =
        sources.createSource(
            "Quiet Agency",
            "https://quiet.example/",
            "Licensed from Quiet Agency.",
            SeoPolicy.NOINDEX);
    String coopId =
        sources.createSource(
            "Open Cooperative",
            "https://coop.example/",
            "Shared by Open Cooperative.",
            SeoPolicy.OWN);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    wire =
        dao.insert(
            article(
                "syndicated-news",
                wireId,
                "Harbour cranes return to work after the long dispute",
                List.of("Jane Roe", "Ali Hassan", "Mary O. Doe"),
                "<p>Dockers in Diyarbakır said “we are back” on Tuesday — after nine weeks.</p>"
                    + "<p>The port’s director, Ayşe Kaya, called it ‘a fresh start’.</p>"
                    + "<p>Shipping lines expect normal traffic by Friday.</p>",
                "en",
                "ltr",
                WIRE_ORIGINAL,
                now.minus(3, ChronoUnit.HOURS),
                List.of("Ports", "Labour"),
                ArticleStatus.PUBLISHED));
    noindex =
        dao.insert(
            article(
                "syndicated-news",
                agencyId,
                "Quiet valley votes on new water rules",
                List.of("Ayşe Çağlar Öztürk"),
                "<p>Farmers met in Şanlıurfa to count the ballots.</p>",
                "en",
                "ltr",
                "https://quiet.example/water-rules",
                now.minus(5, ChronoUnit.HOURS),
                List.of("Water"),
                ArticleStatus.PUBLISHED));
    own =
        dao.insert(
            article(
                "world",
                coopId,
                "Mountain village switches on its solar microgrid",
                List.of("Rêbaz Şêxanî", "Þórdís Jónsdóttir"),
                "<p>The lights came on in Sanandaj province at dusk.</p>",
                "en",
                "ltr",
                "https://coop.example/microgrid",
                now.minus(7, ChronoUnit.HOURS),
                List.of("Energy", "Ports"),
                ArticleStatus.PUBLISHED));
    arabic =
        dao.insert(
            article(
                "world",
                coopId,
                "افتتاح مكتبة جديدة في المدينة القديمة",
                List.of("سلمى الحكيم"),
                "<p>افتتحت المكتبة أبوابها صباح اليوم أمام الزوار.</p>",
                "ar",
                "rtl",
                "https://coop.example/library",
                now.minus(9, ChronoUnit.HOURS),
                List.of("Heritage"),
                ArticleStatus.PUBLISHED));
    withdrawn =
        dao.insert(
            article(
                "syndicated-news",
                wireId,
                "Withdrawn story about a ferry timetable",
                List.of("Jane Roe"),
                "<p>Withdrawn.</p>",
                "en",
                "ltr",
                "https://wire.example/w",
                now.minus(2, ChronoUnit.HOURS),
                List.of("Ports"),
                ArticleStatus.WITHDRAWN));
    draft =
        dao.insert(
            article(
                "syndicated-news",
                wireId,
                "Draft story that nobody should see",
                List.of("Jane Roe"),
                "<p>Draft.</p>",
                "en",
                "ltr",
                "https://wire.example/d",
                now.minus(1, ChronoUnit.HOURS),
                List.of("Ports"),
                ArticleStatus.DRAFT));
    embargoed =
        dao.insert(
            article(
                "syndicated-news",
                wireId,
                "Embargoed report on next year’s budget",
                List.of("Jane Roe"),
                "<p>Embargoed.</p>",
                "en",
                "ltr",
                "https://wire.example/e",
                now.plus(2, ChronoUnit.DAYS),
                List.of("Ports"),
                ArticleStatus.PUBLISHED));
  }

  public static Fixtures load(App app) {
    return new Fixtures(app.sections(), app.articles(), app.sources());
  }

  /**
   * A plain published story in World: no source, by Jane Roe, in English, no original address and
   * no tags; the tests that need one article of their own vary only its headline, body and time.
   */
  public static NewArticle story(String headline, String body, Instant publishedAt) {
    return article(
        "world",
        null,
        headline,
        List.of("Jane Roe"),
        body,
        "en",
        "ltr",
        null,
        publishedAt,
        List.of(),
        ArticleStatus.PUBLISHED);
  }

  public static NewArticle article(
      String section,
      String sourceId,
      String headline,
      List<String> authors,
      String body,
      String language,
      String direction,
      String originalUrl,
      Instant publishedAt,
      List<String> tags,
      ArticleStatus status) {
    return NewArticle.builder()
        .sectionSlug(section)
        .sourceId(sourceId)
        .headline(headline)
        .summary("Summary of: " + headline)
        .authorNames(authors)
        .bodyHtml(BodySanitizer.clean(body, originalUrl))
        .language(language)
        .direction(direction)
        .originalUrl(originalUrl)
        .publishedAt(publishedAt)
        .tagNames(tags)
        .status(status)
        .build();
  }
}
