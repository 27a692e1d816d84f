package pressroom.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.articles.CommentPolicy;
import pressroom.articles.CommentSettings;
import pressroom.articles.Section;
import pressroom.articles.SectionEdits;
import pressroom.articles.SectionEdits.Outcome;
import pressroom.audit.AuditLog;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Templates;

/**
 * The staff page of sections (/staff/sections): create, rename, describe, readdress, reorder, and
 * each section's comment policy. Every action is audited; a form at fault comes back with what was
 * typed and a 400 naming the field.
 */
public final class SectionPages {
  private static final String PAGE = "/staff/sections";

  private final SectionEdits sections;
  private final CommentSettings commentSettings;
  private final AuditLog audit;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;

  public SectionPages(
      SectionEdits sections,
      CommentSettings commentSettings,
      AuditLog audit,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf) {
    this.sections = sections;
    this.commentSettings = commentSettings;
    this.audit = audit;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
  }

  /** One section on the page: its edit form (as stored, or as typed when at fault). */
  public record Row(SectionEdits.Listed listed, SectionForm form, boolean first, boolean last) {
    public Section section() {
      return listed.section();
    }
  }

  /**
   * @param notice what was just done, or null
   * @param newSection the create form
   */
  public record Page(
      Chrome chrome,
      Head head,
      String notice,
      SectionForm newSection,
      List<Row> rows,
      List<CommentPolicy> policies) {
    /** Every error on the page, for the summary at its top. */
    public List<String> errors() {
      java.util.ArrayList<String> all = new java.util.ArrayList<>(newSection.errors().values());
      rows.forEach(r -> all.addAll(r.form().errors().values()));
      return all;
    }
  }

  public void list(Context ctx) {
    show(ctx, HttpStatus.OK, notice(ctx), SectionForm.empty(), null, null);
  }

  public void create(Context ctx) {
    SectionForm form = typed(ctx);
    if (!form.valid()) {
      show(ctx, HttpStatus.BAD_REQUEST, null, form, null, null);
      return;
    }
    switch (sections.create(form.name(), form.slug(), form.description())) {
      case Outcome.Saved saved -> {
        audit.record(
            Auth.viewer(ctx), "section.create", subject(saved.after()), null, text(saved.after()));
        done(ctx, "created", saved.after().id());
      }
      case Outcome.SlugTaken taken ->
          show(ctx, HttpStatus.BAD_REQUEST, null, form.withError("slug", taken(taken)), null, null);
      case Outcome.NotFound nf -> throw PageException.notFound();
    }
  }

  public void edit(Context ctx) {
    String id = ctx.pathParam("id");
    sections.find(id).orElseThrow(PageException::notFound);
    SectionForm form = typed(ctx);
    if (!form.valid()) {
      show(ctx, HttpStatus.BAD_REQUEST, null, SectionForm.empty(), id, form);
      return;
    }
    switch (sections.edit(id, form.name(), form.slug(), form.description())) {
      case Outcome.Saved saved -> {
        if (!saved.before().equals(saved.after())) {
          audit.record(
              Auth.viewer(ctx),
              "section.edit",
              subject(saved.after()),
              text(saved.before()),
              text(saved.after()));
        }
        done(ctx, "saved", id);
      }
      case Outcome.SlugTaken taken ->
          show(
              ctx,
              HttpStatus.BAD_REQUEST,
              null,
              SectionForm.empty(),
              id,
              form.withError("slug", taken(taken)));
      case Outcome.NotFound nf -> throw PageException.notFound();
    }
  }

  public void move(Context ctx) {
    String way = ctx.formParam("direction");
    SectionEdits.Direction direction =
        "up".equals(way)
            ? SectionEdits.Direction.UP
            : "down".equals(way) ? SectionEdits.Direction.DOWN : null;
    if (direction == null) {
      throw PageException.badRequest("Direction: choose up or down.");
    }
    SectionEdits.Moved moved =
        sections.move(ctx.pathParam("id"), direction).orElseThrow(PageException::notFound);
    if (moved.from() != moved.to()) {
      audit.record(
          Auth.viewer(ctx),
          "section.move",
          subject(moved.section()),
          "place " + moved.from(),
          "place " + moved.to());
    }
    done(ctx, "moved", moved.section().id());
  }

  public void comments(Context ctx) {
    SectionEdits.Listed s = sections.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    CommentPolicy policy = CommentPolicy.fromForm(ctx.formParam("policy"));
    if (policy == null) {
      throw PageException.badRequest("Comments: choose open, pre-moderated or closed.");
    }
    if (!commentSettings.setSection(s.section().slug(), policy)) {
      throw PageException.notFound();
    }
    if (policy != s.comments()) {
      audit.record(
          Auth.viewer(ctx),
          "section.comments",
          subject(s.section()),
          s.comments().label(),
          policy.label());
    }
    done(ctx, "comments", s.section().id());
  }

  private static SectionForm typed(Context ctx) {
    return SectionForm.typed(
        ctx.formParam("name"), ctx.formParam("slug"), ctx.formParam("description"));
  }

  private static String taken(Outcome.SlugTaken t) {
    return "Address: /sections/"
        + t.slug()
        + " is the address of ‘"
        + t.sectionName()
        + "’ already.";
  }

  private static String subject(Section s) {
    return "Section ‘" + s.name() + "’";
  }

  /** A section as the audit log keeps it. */
  private static String text(Section s) {
    return "name: "
        + s.name()
        + "\naddress: /sections/"
        + s.slug()
        + "\ndescription: "
        + s.description();
  }

  /** After a change, the page again (a reload does not repeat it), at the section changed. */
  private static void done(Context ctx, String what, String sectionId) {
    ctx.redirect(
        PAGE + "?done=" + what + "&id=" + sectionId + "#section-" + sectionId,
        HttpStatus.SEE_OTHER);
  }

  private String notice(Context ctx) {
    String id = ctx.queryParam("id");
    String name =
        id == null
            ? "The section"
            : sections.find(id).map(l -> "‘" + l.section().name() + "’").orElse("The section");
    String done = ctx.queryParam("done");
    return switch (done == null ? "" : done) {
      case "created" -> "Created " + name + "; it is last in the navigation.";
      case "saved" -> "Saved " + name + ".";
      case "moved" -> "Moved " + name + ".";
      case "comments" -> "Saved the comment policy of " + name + ".";
      default -> null;
    };
  }

  /**
   * @param editedId the section whose form comes back as typed, or null
   */
  private void show(
      Context ctx,
      HttpStatus status,
      String notice,
      SectionForm newSection,
      String editedId,
      SectionForm edited) {
    List<SectionEdits.Listed> all = sections.list();
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      SectionEdits.Listed l = all.get(i);
      SectionForm form = l.section().id().equals(editedId) ? edited : SectionForm.of(l.section());
      rows.add(new Row(l, form, i == 0, i == all.size() - 1));
    }
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "newsroom/sections.jte",
                new Page(
                    c,
                    Head.simple("Sections — " + c.siteName(), "The site's sections"),
                    notice,
                    newSection,
                    rows,
                    List.of(CommentPolicy.values()))));
  }
}
