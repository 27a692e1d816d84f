package pressroom.ingest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pressroom.accounts.Auth;
import pressroom.articles.Section;
import pressroom.articles.Sections;
import pressroom.audit.AuditLog;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.NewSource;
import pressroom.ingest.sources.SourceDao;
import pressroom.ingest.sources.SourceSettings;
import pressroom.ingest.sources.SourceSettings.Field;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Stamp;

/**
 * Adding and editing a partner feed from the browser: one form with every setting of {@code
 * pressroom sources add}, read by the same rules ({@link SourceSettings}), and its two buttons —
 * "Test this feed", which reads the feed without storing anything ({@link FeedPreview}), and
 * "Save". A feed given here is a web address: a local file or folder is the command line's (one it
 * added stays when its other settings are edited here).
 */
public final class SourceForms {
  private final SourceDao sources;
  private final FeedPreview preview;
  private final Sections sections;
  private final StaffFrame frame;
  private final Stamp.Clock clock;
  private final AuditLog audit;

  SourceForms(
      SourceDao sources,
      FeedPreview preview,
      Sections sections,
      StaffFrame frame,
      Stamp.Clock clock,
      AuditLog audit) {
    this.sources = sources;
    this.preview = preview;
    this.sections = sections;
    this.frame = frame;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The form page.
   *
   * @param action where the form posts
   * @param values what the fields hold, by field name
   * @param errors each bad field's problem, by field name, in form order
   * @param keptHeaders the names of the request headers an edited source keeps when none are typed
   *     (their values are secret, so never shown)
   * @param sections the site's section names, offered for the section field
   * @param preview what "Test this feed" found, or null when it was not pressed
   * @param headersDropped whether the stored request headers were left behind because the feed's
   *     address moved to another origin
   */
  public record FormPage(
      Chrome chrome,
      Head head,
      String title,
      String action,
      Map<String, String> values,
      boolean summaryOnly,
      boolean clearHeaders,
      Map<String, String> errors,
      List<String> keptHeaders,
      List<String> sections,
      Preview preview,
      boolean headersDropped) {
    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public String error(String field) {
      return errors.get(field);
    }

    FormPage withHeadersDropped(boolean dropped) {
      return new FormPage(
          chrome,
          head,
          title,
          action,
          values,
          summaryOnly,
          clearHeaders,
          errors,
          keptHeaders,
          sections,
          preview,
          dropped);
    }

    /** Whether this field is the first bad one (the page puts the focus there). */
    public boolean focus(String field) {
      return !errors.isEmpty() && errors.keySet().iterator().next().equals(field);
    }
  }

  /**
   * What "Test this feed" found, dressed for the page.
   *
   * @param section the section the items would go to, as readers see it
   * @param licence the licence's terms in words: full text or summary, search engines, expiry
   */
  public record Preview(
      FeedPreview.Result result,
      List<PreviewItem> items,
      String source,
      String section,
      String attribution,
      String licence) {}

  public record PreviewItem(FeedPreview.Item item, Stamp published) {}

  public void newForm(Context ctx) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("format", "auto");
    values.put("interval", "15m");
    values.put("priority", "0");
    values.put("expireAfterDays", "0");
    values.put("policy", "canonical");
    render(ctx, 200, page(ctx, null, values, false, false, Map.of(), null));
  }

  public void editForm(Context ctx) {
    FeedSource source = editable(ctx);
    SourceSettings s = SourceSettings.of(source);
    Map<String, String> values = values(s, "");
    values.put("section", sectionName(source.sectionSlug()));
    render(ctx, 200, page(ctx, source, values, s.summaryOnly(), false, Map.of(), null));
  }

  public void add(Context ctx) {
    submit(ctx, null);
  }

  public void edit(Context ctx) {
    submit(ctx, editable(ctx));
  }

  /** A press of either button: test the feed, or save (the default, as Enter in a field does). */
  private void submit(Context ctx, FeedSource editing) {
    String headerText = param(ctx, "headers");
    SourceSettings typed =
        new SourceSettings(
            param(ctx, "name"),
            param(ctx, "url"),
            param(ctx, "section"),
            param(ctx, "format"),
            param(ctx, "interval"),
            param(ctx, "expireAfterDays"),
            param(ctx, "attribution"),
            param(ctx, "homeUrl"),
            param(ctx, "priority"),
            param(ctx, "policy"),
            ctx.formParam("summaryOnly") != null,
            headerText.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    boolean clearHeaders = ctx.formParam("clearHeaders") != null;
    Map<String, String> values = values(typed, headerText);
    // A feed added as a local file on the command line keeps it; a new one is a web address.
    boolean keepsLocalPath = editing != null && typed.url().equals(editing.feedUrl());
    Map<String, String> errors = new LinkedHashMap<>();
    typed
        .problems(keepsLocalPath)
        .forEach((field, problem) -> errors.put(field.formName(), sentence(problem)));
    if (!errors.isEmpty()) {
      render(ctx, 400, page(ctx, editing, values, typed.summaryOnly(), clearHeaders, errors, null));
      return;
    }
    NewSource in = typed.toNewSource(keepsLocalPath);
    boolean headersDropped = false;
    if (editing != null && typed.headers().isEmpty() && !clearHeaders) {
      // A partner's key goes only to the origin it was given for, never to an address typed later.
      if (FeedSource.sameOrigin(editing.feedUrl(), in.feedUrl())) {
        in = withHeaders(in, editing.requestHeaders()); // kept: their values are never shown
      } else {
        headersDropped = !editing.requestHeaders().isEmpty();
      }
    }
    if ("preview".equals(ctx.formParam("action"))) {
      Preview found = preview(in);
      render(
          ctx,
          200,
          page(ctx, editing, values, typed.summaryOnly(), clearHeaders, Map.of(), found)
              .withHeadersDropped(headersDropped));
      return;
    }
    if (editing == null) {
      String id = sources.add(in);
      FeedSource added = sources.find(id).orElseThrow();
      audit.record(
          Auth.viewer(ctx),
          "source.add",
          SourcesPage.subject(added),
          null,
          String.join("\n", lines(SourceSettings.describe(added))));
      ctx.redirect("/staff/sources?done=added", HttpStatus.SEE_OTHER);
      return;
    }
    Map<String, String> before = SourceSettings.describe(editing);
    if (!sources.update(editing.id(), in)) {
      throw PageException.notFound();
    }
    FeedSource saved = sources.find(editing.id()).orElseThrow(PageException::notFound);
    Map<String, String> after = SourceSettings.describe(saved);
    List<String> was = new ArrayList<>();
    List<String> now = new ArrayList<>();
    after.forEach(
        (setting, value) -> {
          if (!value.equals(before.get(setting))) {
            was.add(setting + ": " + before.get(setting));
            now.add(setting + ": " + value);
          }
        });
    audit.record(
        Auth.viewer(ctx),
        "source.edit",
        SourcesPage.subject(saved),
        was.isEmpty() ? null : String.join("\n", was),
        now.isEmpty() ? null : String.join("\n", now));
    ctx.redirect(
        "/staff/sources?done=" + (headersDropped ? "saved-without-headers" : "saved"),
        HttpStatus.SEE_OTHER);
  }

  private Preview preview(NewSource in) {
    FeedPreview.Result result = preview.preview(in);
    List<PreviewItem> items =
        result.items().stream().map(i -> new PreviewItem(i, clock.stamp(i.published()))).toList();
    String licence =
        (in.fullText() ? "Full text" : "Summary only")
            + " · search engines: "
            + switch (in.seoPolicy()) {
              case CANONICAL -> "pointed to the partner's original";
              case NOINDEX -> "asked not to index our copy";
              case OWN -> "index our copy as our own";
            }
            + " · "
            + (in.expireAfterDays() == 0
                ? "kept for good"
                : "removed " + in.expireAfterDays() + " days after publication");
    return new Preview(
        result, items, in.name(), sectionLabel(in.sectionSlug()), in.attribution(), licence);
  }

  /** A source that has a feed to edit (partners whose articles come by import have none). */
  private FeedSource editable(Context ctx) {
    FeedSource source = sources.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    if (source.feedUrl() == null) {
      throw new PageException(
          404,
          "No feed to edit",
          "This partner's articles come by import, not from a feed, so it has no feed settings.");
    }
    return source;
  }

  private FormPage page(
      Context ctx,
      FeedSource editing,
      Map<String, String> values,
      boolean summaryOnly,
      boolean clearHeaders,
      Map<String, String> errors,
      Preview found) {
    Chrome c = frame.chromeFor(ctx);
    String title = editing == null ? "Add a source" : "Edit " + editing.name();
    String problems =
        errors.isEmpty()
            ? ""
            : "Error: " + errors.size() + (errors.size() == 1 ? " problem — " : " problems — ");
    return new FormPage(
        c,
        Head.simple(problems + title + " — " + c.siteName(), "A partner feed's settings"),
        title,
        editing == null ? "/staff/sources/new" : "/staff/sources/" + editing.id() + "/edit",
        values,
        summaryOnly,
        clearHeaders,
        errors,
        editing == null
            ? List.of()
            : List.copyOf(new java.util.TreeSet<>(editing.requestHeaders().keySet())),
        sections.sections().stream().map(Section::name).toList(),
        found,
        false);
  }

  private static Map<String, String> values(SourceSettings s, String headerText) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(Field.NAME.formName(), s.name());
    v.put(Field.URL.formName(), s.url());
    v.put(Field.SECTION.formName(), s.section());
    v.put(Field.FORMAT.formName(), s.format());
    v.put(Field.INTERVAL.formName(), s.interval());
    v.put(Field.ATTRIBUTION.formName(), s.attribution());
    v.put(Field.HOME_URL.formName(), s.homeUrl());
    v.put(Field.PRIORITY.formName(), s.priority());
    v.put(Field.POLICY.formName(), s.policy());
    v.put(Field.EXPIRE_AFTER_DAYS.formName(), s.expireAfterDays());
    v.put(Field.HEADERS.formName(), headerText);
    return v;
  }

  /** The section's name for the form, by its slug. */
  private String sectionName(String slug) {
    return sections.sections().stream()
        .filter(s -> s.slug().equals(slug))
        .map(Section::name)
        .findFirst()
        .orElse(slug == null ? "" : slug);
  }

  /** The section typed (a name or slug) as readers would see it, or that it would be new. */
  private String sectionLabel(String typed) {
    String t = typed.strip();
    return sections.sections().stream()
        .filter(
            s ->
                s.slug().equals(t)
                    || s.name().toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT)))
        .map(Section::name)
        .findFirst()
        .orElse(t + " (a new section, made when the source is saved)");
  }

  private static NewSource withHeaders(NewSource in, Map<String, String> headers) {
    return new NewSource(
        in.name(),
        in.feedUrl(),
        in.format(),
        in.sectionSlug(),
        in.attribution(),
        in.homeUrl(),
        in.priority(),
        in.interval(),
        headers,
        in.seoPolicy(),
        in.fullText(),
        in.expireAfterDays());
  }

  /** "setting: value" lines, as the audit log keeps settings. */
  static List<String> lines(Map<String, String> settings) {
    return settings.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  /** A rule's words as a sentence next to its field: "The name is empty." */
  private static String sentence(String problem) {
    String s =
        problem.isEmpty()
            ? problem
            : Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
    return s.endsWith(".") ? s : s + ".";
  }

  private static String param(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  private void render(Context ctx, int status, FormPage model) {
    frame.render(ctx, status, "ingest/source-form.jte", model);
  }
}
