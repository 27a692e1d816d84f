package pressroom.newsroom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import pressroom.articles.Slugs;

/**
 * What an editor typed for a section, checked. An empty address is made from the name. Pure.
 *
 * @param errors a message per field at fault ("name", "slug", "description"), in form order
 */
public record SectionForm(
    String name, String slug, String description, Map<String, String> errors) {
  static final int MAX_NAME = 60;
  static final int MAX_SLUG = 60;
  static final int MAX_DESCRIPTION = 500;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public SectionForm {
    errors = Map.copyOf(errors);
  }

  /** The form as typed, checked. */
  static SectionForm typed(String name, String slug, String description) {
    String n = name == null ? "" : name.strip();
    String typedSlug = slug == null ? "" : slug.strip();
    String s = typedSlug.isEmpty() ? Slugs.of(n, "") : typedSlug;
    String d = description == null ? "" : description.strip();
    Map<String, String> errors = new LinkedHashMap<>();
    if (n.isEmpty()) {
      errors.put("name", "Name: give the section a name.");
    } else if (n.length() > MAX_NAME) {
      errors.put("name", "Name: at most " + MAX_NAME + " characters.");
    }
    if (s.isEmpty() && !n.isEmpty()) {
      errors.put("slug", "Address: this name gives no address; type one (a–z, 0–9 and hyphens).");
    } else if (!s.isEmpty() && (!SLUG.matcher(s).matches() || s.length() > MAX_SLUG)) {
      errors.put(
          "slug",
          "Address: use only small letters a–z, digits and single hyphens between them, at most "
              + MAX_SLUG
              + " characters.");
    }
    if (d.length() > MAX_DESCRIPTION) {
      errors.put("description", "Description: at most " + MAX_DESCRIPTION + " characters.");
    }
    // What was typed stays in the form, the address as typed when it is at fault.
    return new SectionForm(n, errors.containsKey("slug") ? typedSlug : s, d, errors);
  }

  static SectionForm of(pressroom.articles.Section s) {
    return new SectionForm(s.name(), s.slug(), s.description(), Map.of());
  }

  static SectionForm empty() {
    return new SectionForm("", "", "", Map.of());
  }

  SectionForm withError(String field, String message) {
    Map<String, String> more = new LinkedHashMap<>(errors);
    more.put(field, message);
    return new SectionForm(name, slug, description, more);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  /** The message for a field, or null. */
  public String error(String field) {
    return errors.get(field);
  }
}
