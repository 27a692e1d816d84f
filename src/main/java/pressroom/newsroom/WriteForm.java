package pressroom.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new article as an editor typed it (the body in Markdown), checked. Names of authors and tags
 * are separated by commas or new lines. Pure.
 *
 * @param errors a message per field at fault, in form order
 */
public record WriteForm(
    String headline,
    String summary,
    String body,
    String authors,
    String sectionSlug,
    String tags,
    Map<String, String> errors) {
  static final int MAX_HEADLINE = 200;
  static final int MAX_SUMMARY = 600;
  static final int MAX_BODY = 100_000;
  static final int MAX_NAMES = 12;
  static final int MAX_NAME = 100;

  public WriteForm {
    errors = Map.copyOf(errors);
  }

  static WriteForm empty(String sectionSlug) {
    return new WriteForm("", "", "", "", sectionSlug, "", Map.of());
  }

  /**
   * @param sectionSlugs the sections that exist
   */
  static WriteForm typed(
      String headline,
      String summary,
      String body,
      String authors,
      String sectionSlug,
      String tags,
      Set<String> sectionSlugs) {
    String h = strip(headline);
    String s = strip(summary);
    // Markdown keeps its leading spaces (an indented block means code); only line ends are evened.
    String b = body == null ? "" : body.replace("\r\n", "\n").stripTrailing();
    String a = strip(authors);
    String section = strip(sectionSlug);
    String t = strip(tags);
    Map<String, String> errors = new LinkedHashMap<>();
    if (h.isEmpty()) {
      errors.put("headline", "Headline: write one.");
    } else if (h.length() > MAX_HEADLINE) {
      errors.put("headline", "Headline: at most " + MAX_HEADLINE + " characters.");
    }
    if (s.length() > MAX_SUMMARY) {
      errors.put("summary", "Summary: at most " + MAX_SUMMARY + " characters.");
    }
    if (b.isBlank()) {
      errors.put("body", "Text: write the article.");
    } else if (b.length() > MAX_BODY) {
      errors.put("body", "Text: at most " + MAX_BODY + " characters.");
    }
    String authorsWrong = namesWrong(a);
    if (authorsWrong != null) {
      errors.put("authors", "Authors: " + authorsWrong);
    }
    if (!sectionSlugs.contains(section)) {
      errors.put("section", "Section: choose one of the site's sections.");
    }
    String tagsWrong = namesWrong(t);
    if (tagsWrong != null) {
      errors.put("tags", "Tags: " + tagsWrong);
    }
    return new WriteForm(h, s, b, a, section, t, errors);
  }

  public String error(String field) {
    return errors.get(field);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  List<String> authorNames() {
    return names(authors);
  }

  List<String> tagNames() {
    return names(tags);
  }

  /** The names in a comma- or line-separated list, each once, in order. */
  static List<String> names(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : list.split("[,\\n]")) {
      String name = n.strip().replaceAll("\\s+", " ");
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return new ArrayList<>(out);
  }

  private static String namesWrong(String list) {
    List<String> names = names(list);
    if (names.size() > MAX_NAMES) {
      return "at most " + MAX_NAMES + " names.";
    }
    for (String n : names) {
      if (n.length() > MAX_NAME) {
        return "each name at most " + MAX_NAME + " characters.";
      }
    }
    return null;
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
