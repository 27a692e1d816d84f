package pressroom.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import pressroom.accounts.Auth;
import pressroom.articles.ArticleStatus;
import pressroom.articles.ArticleWrites;
import pressroom.articles.MarkdownBody;
import pressroom.articles.NewArticle;
import pressroom.articles.Section;
import pressroom.articles.Sections;
import pressroom.audit.AuditLog;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Templates;

/**
 * The site's own articles, written by the staff (/staff/articles/new): Markdown in, a preview as
 * readers will see it, then published (or kept as a draft) with no partner as source. Listings,
 * feeds and search pick it up through the change log the store records.
 */
public final class WritePages {
  private final Sections sections;
  private final ArticleWrites articles;
  private final AuditLog audit;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final String baseUrl;
  private final InstantSource clock;

  public WritePages(
      Sections sections,
      ArticleWrites articles,
      AuditLog audit,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      String baseUrl,
      InstantSource clock) {
    this.sections = sections;
    this.articles = articles;
    this.audit = audit;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** The article as readers will see it, before it is stored. */
  public record Preview(
      Section section,
      String headline,
      String summary,
      List<String> authors,
      String bodyHtml,
      List<String> tags) {}

  /**
   * @param preview the rendered article, or null before the first preview
   * @param draftId the draft just saved, or null
   */
  public record Page(
      Chrome chrome,
      Head head,
      WriteForm form,
      List<Section> sections,
      Preview preview,
      String draftId) {}

  public void form(Context ctx) {
    List<Section> all = sections.sections();
    String draft = ctx.queryParam("draft");
    show(
        ctx,
        HttpStatus.OK,
        WriteForm.empty(all.isEmpty() ? "" : all.get(0).slug()),
        all,
        null,
        draft != null && draft.matches("[0-9a-f-]{1,40}") ? draft : null);
  }

  /** One form, three buttons: Preview, Publish, Save as draft. */
  public void submit(Context ctx) {
    List<Section> all = sections.sections();
    WriteForm form =
        WriteForm.typed(
            ctx.formParam("headline"),
            ctx.formParam("summary"),
            ctx.formParam("body"),
            ctx.formParam("authors"),
            ctx.formParam("section"),
            ctx.formParam("tags"),
            all.stream().map(Section::slug).collect(Collectors.toSet()));
    String action = ctx.formParam("action");
    if (!Set.of("preview", "publish", "draft").contains(action == null ? "" : action)) {
      throw PageException.badRequest("Choose Preview, Publish or Save as draft.");
    }
    if (!form.valid()) {
      show(ctx, HttpStatus.BAD_REQUEST, form, all, null, null);
      return;
    }
    String bodyHtml = MarkdownBody.toHtml(form.body(), baseUrl);
    if ("preview".equals(action)) {
      Section section =
          all.stream().filter(s -> s.slug().equals(form.sectionSlug())).findFirst().orElseThrow();
      show(
          ctx,
          HttpStatus.OK,
          form,
          all,
          new Preview(
              section,
              form.headline(),
              form.summary(),
              form.authorNames(),
              bodyHtml,
              form.tagNames()),
          null);
      return;
    }
    boolean publish = "publish".equals(action);
    ArticleWrites.StoredArticle stored =
        articles.insert(
            NewArticle.builder()
                .sectionSlug(form.sectionSlug())
                .sourceId(null) // the site's own: no partner
                .headline(form.headline())
                .summary(form.summary())
                .authorNames(form.authorNames())
                .bodyHtml(bodyHtml)
                .publishedAt(clock.instant())
                .tagNames(form.tagNames())
                .status(publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT)
                .build());
    audit.record(
        Auth.viewer(ctx),
        "article.write",
        "Article ‘" + form.headline() + "’",
        null,
        (publish ? "published" : "draft")
            + " at /articles/"
            + stored.slug()
            + "\nsection: "
            + form.sectionSlug()
            + "\nauthors: "
            + String.join(", ", form.authorNames())
            + "\ntags: "
            + String.join(", ", form.tagNames())
            + "\n\n"
            + form.body());
    ctx.redirect(
        publish ? "/articles/" + stored.slug() : "/staff/articles/new?draft=" + stored.id(),
        HttpStatus.SEE_OTHER);
  }

  private void show(
      Context ctx,
      HttpStatus status,
      WriteForm form,
      List<Section> all,
      Preview preview,
      String draftId) {
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    String title = preview == null ? "Write an article" : "Preview: " + preview.headline();
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "newsroom/write.jte",
                new Page(
                    c,
                    Head.simple(title + " — " + c.siteName(), "A new article by the newsroom"),
                    form,
                    all,
                    preview,
                    draftId)));
  }
}
