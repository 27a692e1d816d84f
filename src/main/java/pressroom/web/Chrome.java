package pressroom.web;

import java.util.List;

/**
 * What every page's frame shows: the masthead, section navigation and who is signed in.
 *
 * @param currentSection slug of the section the page belongs to, or "" for none
 * @param viewer the signed-in reader, or null for an anonymous visitor
 * @param csrf the signed-in visitor's CSRF token for the page's forms, or null: pages shared by
 *     every anonymous visitor carry none (see {@link Csrf})
 */
public record Chrome(
    String siteName, List<NavSection> sections, String currentSection, Viewer viewer, String csrf) {
  public Chrome {
    sections = List.copyOf(sections);
  }

  public Chrome(String siteName, List<NavSection> sections, String currentSection) {
    this(siteName, sections, currentSection, null, null);
  }

  public Chrome in(String sectionSlug) {
    return new Chrome(siteName, sections, sectionSlug, viewer, csrf);
  }

  public Chrome as(Viewer who, String token) {
    return new Chrome(siteName, sections, currentSection, who, token);
  }

  /** A section as the navigation links to it. */
  public record NavSection(String id, String slug, String name) {}

  /** The signed-in reader as pages show them. */
  public record Viewer(String userId, String name, Access.Role role, boolean verified) {}
}
