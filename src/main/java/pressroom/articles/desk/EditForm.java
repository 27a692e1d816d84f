package pressroom.articles.desk;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import pressroom.articles.Article;
import pressroom.articles.BodySanitizer;
import pressroom.articles.Tag;
import pressroom.text.UntrustedText;

/**
 * The editor's form as typed (kept on a page that answers a mistake) and what is wrong with it,
 * each problem under the field's name (pure).
 *
 * @param tags names separated by commas
 * @param section the section's slug
 */
public record EditForm(String headline, String summary, String body, String tags, String section) {
  static final int HEADLINE_MOST = 300;
  static final int SUMMARY_MOST = 2_000;
  static final int BODY_MOST = 500_000;
  static final int TAGS_MOST = 30;
  static final int TAG_MOST = 80;

  public EditForm {
    headline = UntrustedText.clean(headline == null ? "" : headline).strip();
    summary = UntrustedText.clean(summary == null ? "" : summary).strip();
    body = UntrustedText.clean(body == null ? "" : body).strip();
    tags = tags == null ? "" : UntrustedText.clean(tags).strip();
    section = section == null ? "" : section.strip();
  }

  /** The form filled in with the article as stored. */
  public static EditForm of(Article a) {
    return new EditForm(
        a.headline(),
        a.summary(),
        a.bodyHtml(),
        String.join(", ", a.tags().stream().map(Tag::name).toList()),
        a.section().slug());
  }

  /** The form as posted; {@code field} reads one field (null when absent). */
  public static EditForm posted(Function<String, String> field) {
    return new EditForm(
        field.apply("headline"),
        field.apply("summary"),
        field.apply("body"),
        field.apply("tags"),
        field.apply("section"));
  }

  /** The tag names typed, without blanks and repeats, in order. */
  public List<String> tagNames() {
    return Arrays.stream(tags.split(","))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .distinct()
        .toList();
  }

  /** The body as it will be stored: sanitized like a partner's. */
  public String cleanBody(String originalUrl) {
    return BodySanitizer.clean(body, originalUrl);
  }

  /** What is wrong, by field name; empty when the form can be saved. */
  public Map<String, String> problems(Set<String> sectionSlugs, String originalUrl) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headline.isEmpty()) {
      out.put("headline", "Headline: write one.");
    } else if (headline.length() > HEADLINE_MOST) {
      out.put("headline", "Headline: at most " + HEADLINE_MOST + " characters.");
    }
    if (summary.length() > SUMMARY_MOST) {
      out.put("summary", "Summary: at most " + SUMMARY_MOST + " characters.");
    }
    if (body.length() > BODY_MOST) {
      out.put("body", "Body: at most " + BODY_MOST + " characters.");
    } else if (TextDiff.textOf(cleanBody(originalUrl)).isBlank()) {
      out.put("body", "Body: write the text (what is left after cleaning the HTML is empty).");
    }
    List<String> names = tagNames();
    if (names.size() > TAGS_MOST) {
      out.put("tags", "Tags: at most " + TAGS_MOST + ".");
    } else if (names.stream().anyMatch(t -> t.length() > TAG_MOST)) {
      out.put("tags", "Tags: each at most " + TAG_MOST + " characters.");
    }
    if (!sectionSlugs.contains(section)) {
      out.put("section", "Section: choose one of the list.");
    }
    return out;
  }

  /** Typed text from a short field: cleaned of what no text should hold, stripped, maybe empty. */
  static String line(String typed) {
    return typed == null ? "" : UntrustedText.clean(typed).strip();
  }

  /**
   * The problem with a required line of text, named by its label ("Reason: …"), or null: empty asks
   * for {@code whenEmpty}, longer than {@code most} characters says the limit.
   */
  static String shortText(String label, String value, int most, String whenEmpty) {
    if (value.isEmpty()) {
      return label + ": " + whenEmpty + ".";
    }
    return value.length() > most ? label + ": at most " + most + " characters." : null;
  }
}
