package pressroom.newsroom;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.audit.AuditLog;
import pressroom.audit.AuditLog.Entry;
import pressroom.audit.AuditLog.Filter;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The audit log for admins (/staff/audit): every staff action, newest first, filtered by who, what,
 * words and dates, and the same selection as a CSV file.
 */
public final class AuditPages {
  static final int PAGE = 50;

  private final AuditLog log;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final Stamp.Clock stamps;

  public AuditPages(
      AuditLog log, Templates templates, Supplier<Chrome> chrome, Csrf csrf, Stamp.Clock stamps) {
    this.log = log;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.stamps = stamps;
  }

  /** One entry as the table shows it. */
  public record Row(Entry entry, Stamp at) {}

  /**
   * The form's values as typed (shown back), the problems with them by field, and the link to the
   * same selection as CSV.
   */
  public record Page(
      Chrome chrome,
      Head head,
      Map<String, String> typed,
      Map<String, String> problems,
      List<String> actions,
      List<Row> rows,
      String nextQuery,
      String csvQuery) {}

  public void page(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    Map<String, String> typed = typed(ctx);
    Map<String, String> problems = new LinkedHashMap<>();
    Filter filter = filter(typed, problems);
    List<Row> rows = new ArrayList<>();
    String next = null;
    if (problems.isEmpty()) {
      List<Entry> found = log.find(filter, ctx.queryParam("after"), PAGE + 1);
      for (Entry e : found.subList(0, Math.min(PAGE, found.size()))) {
        rows.add(new Row(e, stamps.stamp(e.at())));
      }
      if (found.size() > PAGE) {
        next = query(typed) + "&after=" + rows.getLast().entry().id();
      }
    } else {
      ctx.status(400);
    }
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "newsroom/audit.jte",
                new Page(
                    c,
                    Head.simple("Audit log — " + c.siteName(), "Every staff action"),
                    typed,
                    problems,
                    log.actions(),
                    rows,
                    next,
                    query(typed))));
  }

  public void csv(Context ctx) {
    Map<String, String> problems = new LinkedHashMap<>();
    Filter filter = filter(typed(ctx), problems);
    if (!problems.isEmpty()) {
      ctx.status(400).contentType("text/plain; charset=utf-8");
      ctx.result(String.join("\n", problems.values()) + "\n");
      return;
    }
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    ctx.contentType("text/csv; charset=utf-8");
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("time")
            .addColumn("user_id")
            .addColumn("name")
            .addColumn("action")
            .addColumn("subject")
            .addColumn("before")
            .addColumn("after")
            .build()
            .withHeader();
    try (var out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        SequenceWriter rows = new CsvMapper().writer(schema).writeValues(out)) {
      log.each(
          filter,
          e -> {
            try {
              rows.write(
                  List.of(
                      e.at().toString(),
                      cell(e.actorUserId()),
                      cell(e.actorName()),
                      cell(e.action()),
                      cell(e.subject()),
                      cell(e.before()),
                      cell(e.after())));
            } catch (IOException x) {
              throw new UncheckedIOException(x);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A value as a spreadsheet will not run: text starting with =, +, -, @ or a control character is
   * a formula to Excel and LibreOffice, so it gets a leading apostrophe (OWASP's advice).
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    return "=+-@\t\r".indexOf(first) >= 0 ? "'" + value : value;
  }

  private static Map<String, String> typed(Context ctx) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (String name : List.of("actor", "action", "words", "from", "until")) {
      String v = ctx.queryParam(name);
      typed.put(name, v == null ? "" : v.strip());
    }
    return typed;
  }

  private Filter filter(Map<String, String> typed, Map<String, String> problems) {
    Instant from = day(typed.get("from"), "from", "From", problems, 0);
    Instant until = day(typed.get("until"), "until", "Until", problems, 1);
    if (from != null && until != null && !from.isBefore(until)) {
      problems.put("until", "Until must be the same day as From or later.");
    }
    return new Filter(typed.get("actor"), typed.get("action"), typed.get("words"), from, until);
  }

  /** The start of a typed day in the site's zone ({@code plusDays} 1: the end of it). */
  private Instant day(
      String typed, String field, String label, Map<String, String> problems, int plusDays) {
    if (typed.isEmpty()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(typed);
      // Years the log can hold: beyond them the instant is past what a long of milliseconds holds.
      if (day.getYear() < 1970 || day.getYear() > 9999) {
        throw new java.time.DateTimeException("out of range");
      }
      return day.plusDays(plusDays).atStartOfDay(stamps.zone()).toInstant();
    } catch (java.time.DateTimeException e) {
      problems.put(field, label + " must be a date like 2026-12-06, not “" + typed + "”.");
      return null;
    }
  }

  private static String query(Map<String, String> typed) {
    StringBuilder q = new StringBuilder();
    typed.forEach(
        (k, v) -> {
          q.append(q.isEmpty() ? "?" : "&")
              .append(k)
              .append('=')
              .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return q.toString();
  }
}
