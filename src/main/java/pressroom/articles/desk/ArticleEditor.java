package pressroom.articles.desk;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import pressroom.accounts.Auth;
import pressroom.articles.Article;
import pressroom.articles.ArticleDesk;
import pressroom.articles.ArticleDesk.DeskArticle;
import pressroom.articles.Corrections;
import pressroom.articles.EditorialWrites;
import pressroom.articles.EditorialWrites.Place;
import pressroom.articles.EditorialWrites.Result;
import pressroom.articles.Section;
import pressroom.articles.Sections;
import pressroom.articles.desk.Models.EditPage;
import pressroom.articles.desk.Models.NoteRow;
import pressroom.audit.AuditLog;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The editor of one article and its actions: save the text, append a correction, withdraw with a
 * reason or restore, pin or unpin. A mistake answers with the page again (4xx), naming the field
 * and keeping what was typed; a done action is audited and redirects with a notice.
 */
public final class ArticleEditor {
  static final int NOTE_MOST = 2_000;
  static final int REASON_MOST = 500;

  /** What the page may say after an action (`?done=`): these and nothing typed into a link. */
  private static final Map<String, String> NOTICES =
      Map.of(
          "saved", "Saved. Readers see the new text; the previous one is kept as a revision.",
          "corrected", "Correction added. Readers see it under the article.",
          "withdrawn", "Withdrawn. Readers get a notice with your reason instead of the article.",
          "restored", "Restored. Readers see the article again.",
          "published", "Published. Readers see it now, at the top of its section.",
          "pinned", "Pinned.",
          "unpinned", "Unpinned.");

  private final ArticleDesk desk;
  private final EditorialWrites writes;
  private final Corrections corrections;
  private final Sections sections;
  private final AuditLog audit;
  private final Page page;

  /** How the editor's page is drawn: templates, frame, times. */
  public record Page(Templates templates, Supplier<Chrome> chrome, Csrf csrf, Stamp.Clock stamps) {}

  public ArticleEditor(
      ArticleDesk desk,
      EditorialWrites writes,
      Corrections corrections,
      Sections sections,
      AuditLog audit,
      Page page) {
    this.desk = desk;
    this.writes = writes;
    this.corrections = corrections;
    this.sections = sections;
    this.audit = audit;
    this.page = page;
  }

  /** What the form holds when the page is drawn; the stored article unless a post is answered. */
  private record Typed(
      EditForm form, long readAt, Map<String, String> problems, String note, String reason) {}

  public void show(Context ctx) {
    DeskArticle d = find(ctx);
    String done = ctx.queryParam("done");
    render(ctx, d, stored(d), done == null ? null : NOTICES.get(done));
  }

  public void save(Context ctx) {
    DeskArticle d = find(ctx);
    Article a = d.article();
    EditForm form = EditForm.posted(ctx::formParam);
    long readAt = readAt(ctx);
    List<Section> all = sections.sections();
    Map<String, String> problems =
        form.problems(all.stream().map(Section::slug).collect(Collectors.toSet()), a.originalUrl());
    if (!problems.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, d, new Typed(form, readAt, problems, "", ""), null);
      return;
    }
    String sectionId =
        all.stream().filter(s -> s.slug().equals(form.section())).findFirst().orElseThrow().id();
    Result r =
        writes.edit(
            a.id(),
            new EditorialWrites.Edit(
                form.headline(),
                form.summary(),
                form.cleanBody(a.originalUrl()),
                form.tagNames(),
                sectionId),
            Instant.ofEpochMilli(readAt));
    switch (r) {
      case NOT_FOUND -> throw PageException.notFound();
      case CONFLICT -> {
        ctx.status(HttpStatus.CONFLICT);
        render(
            ctx,
            d,
            new Typed(
                form,
                readAt,
                Map.of(
                    "form",
                    "Someone changed this article after you opened it, so nothing was saved. Your"
                        + " text is below: copy what you need, then open the article again."),
                "",
                ""),
            null);
        return;
      }
      case DONE -> {}
    }
    audit.record(
        Auth.viewer(ctx),
        "article.edit",
        subject(a),
        "Headline: " + a.headline() + "\nSummary: " + a.summary(),
        "Headline: " + form.headline() + "\nSummary: " + form.summary());
    done(ctx, a, "saved");
  }

  public void correct(Context ctx) {
    DeskArticle d = find(ctx);
    String note = EditForm.line(ctx.formParam("note"));
    String problem =
        EditForm.shortText("Correction", note, NOTE_MOST, "write what was wrong and what is right");
    if (problem != null) {
      refuse(ctx, d, HttpStatus.BAD_REQUEST, "note", problem, note, "");
      return;
    }
    String actor = Auth.viewer(ctx) == null ? "" : Auth.viewer(ctx).userId();
    if (writes.correct(d.article().id(), note, actor) != Result.DONE) {
      throw PageException.notFound();
    }
    audit.record(Auth.viewer(ctx), "article.correct", subject(d.article()), null, note);
    done(ctx, d.article(), "corrected");
  }

  public void withdraw(Context ctx) {
    DeskArticle d = find(ctx);
    String reason = EditForm.line(ctx.formParam("reason"));
    String problem =
        EditForm.shortText(
            "Reason", reason, REASON_MOST, "say why, for the readers who follow a link to it");
    if (problem != null) {
      refuse(ctx, d, HttpStatus.BAD_REQUEST, "reason", problem, "", reason);
      return;
    }
    switch (writes.withdraw(d.article().id(), reason)) {
      case NOT_FOUND -> throw PageException.notFound();
      case CONFLICT -> {
        refuse(
            ctx,
            d,
            HttpStatus.CONFLICT,
            "form",
            "Only a published article can be withdrawn.",
            "",
            reason);
        return;
      }
      case DONE -> {}
    }
    audit.record(
        Auth.viewer(ctx),
        "article.withdraw",
        subject(d.article()),
        d.article().status().dbValue(),
        "withdrawn: " + reason);
    done(ctx, d.article(), "withdrawn");
  }

  public void publish(Context ctx) {
    DeskArticle d = find(ctx);
    switch (writes.publish(d.article().id())) {
      case NOT_FOUND -> throw PageException.notFound();
      case CONFLICT, LICENCE_ENDED -> {
        refuse(ctx, d, HttpStatus.CONFLICT, "form", "Only a draft can be published from here.");
        return;
      }
      case DONE -> {}
    }
    audit.record(Auth.viewer(ctx), "article.publish", subject(d.article()), "draft", "published");
    done(ctx, d.article(), "published");
  }

  public void restore(Context ctx) {
    DeskArticle d = find(ctx);
    switch (writes.restore(d.article().id())) {
      case NOT_FOUND -> throw PageException.notFound();
      case CONFLICT -> {
        refuse(
            ctx,
            d,
            HttpStatus.CONFLICT,
            "form",
            "Only an article withdrawn here can be restored; what its partner withdrew stays"
                + " withdrawn.");
        return;
      }
      case LICENCE_ENDED -> {
        refuse(
            ctx,
            d,
            HttpStatus.CONFLICT,
            "form",
            "The partner's licence for this article has run out, so it cannot be shown again.");
        return;
      }
      case DONE -> {}
    }
    audit.record(
        Auth.viewer(ctx),
        "article.restore",
        subject(d.article()),
        "withdrawn: " + (d.withdrawalReason() == null ? "" : d.withdrawalReason()),
        "published");
    done(ctx, d.article(), "restored");
  }

  public void pin(Context ctx) {
    pinning(ctx, true);
  }

  public void unpin(Context ctx) {
    pinning(ctx, false);
  }

  private void pinning(Context ctx, boolean pin) {
    DeskArticle d = find(ctx);
    Place place =
        switch (String.valueOf(ctx.formParam("place"))) {
          case "home" -> Place.HOME;
          case "section" -> Place.SECTION;
          default -> throw PageException.badRequest("Place: “home” or “section”.");
        };
    Result r = pin ? writes.pin(d.article().id(), place) : writes.unpin(d.article().id(), place);
    switch (r) {
      case NOT_FOUND -> throw PageException.notFound();
      case CONFLICT -> {
        refuse(ctx, d, HttpStatus.CONFLICT, "form", "Only a published article can be pinned.");
        return;
      }
      case DONE -> {}
    }
    String where = place == Place.HOME ? "home page" : "section " + d.article().section().name();
    audit.record(
        Auth.viewer(ctx),
        pin ? "article.pin" : "article.unpin",
        subject(d.article()),
        pin ? null : where,
        pin ? where : null);
    done(ctx, d.article(), pin ? "pinned" : "unpinned");
  }

  private DeskArticle find(Context ctx) {
    return desk.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
  }

  private static Typed stored(DeskArticle d) {
    return new Typed(
        EditForm.of(d.article()), d.article().updatedAt().toEpochMilli(), Map.of(), "", "");
  }

  private void refuse(Context ctx, DeskArticle d, HttpStatus status, String field, String problem) {
    refuse(ctx, d, status, field, problem, "", "");
  }

  private void refuse(
      Context ctx,
      DeskArticle d,
      HttpStatus status,
      String field,
      String problem,
      String note,
      String reason) {
    Typed t = stored(d);
    ctx.status(status);
    render(ctx, d, new Typed(t.form(), t.readAt(), Map.of(field, problem), note, reason), null);
  }

  private void render(Context ctx, DeskArticle d, Typed t, String notice) {
    Article a = d.article();
    Chrome c = page.chrome().get().as(Auth.viewer(ctx), page.csrf().token(ctx));
    List<NoteRow> notes =
        corrections.of(a.id()).stream()
            .map(n -> new NoteRow(page.stamps().stamp(n.at()), n.note()))
            .toList();
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            page.templates()
                .render(
                    "articles/desk/edit.jte",
                    new EditPage(
                        c,
                        Head.simple(
                            "Edit ‘" + a.headline() + "’ — " + c.siteName(), "The article editor"),
                        d,
                        t.form(),
                        t.readAt(),
                        t.problems(),
                        t.note(),
                        t.reason(),
                        notes,
                        sections.sections(),
                        notice,
                        page.stamps().stamp(a.publishedAt()),
                        a.wasUpdated() ? page.stamps().stamp(a.updatedAt()) : null,
                        desk.revisionCount(a.id()))));
  }

  private static long readAt(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("readAt")));
    } catch (NumberFormatException e) {
      throw PageException.badRequest("The form lacks the time you opened the article: reload it.");
    }
  }

  private static String subject(Article a) {
    return "‘" + a.headline() + "’ (" + a.slug() + ")";
  }

  private static void done(Context ctx, Article a, String what) {
    ctx.redirect("/staff/articles/" + a.id() + "?done=" + what, HttpStatus.SEE_OTHER);
  }
}
