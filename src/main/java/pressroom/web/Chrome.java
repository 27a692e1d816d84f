package pressroom.web;

import java.util.List;
import pressroom.articles.Section;

/**
 * What every page's frame shows: the masthead and section navigation.
 *
 * @param currentSection slug of the section the page belongs to, or "" for none
 */
public record Chrome(String siteName, List<Section> sections, String currentSection) {
  public Chrome {
    sections = List.copyOf(sections);
  }

  public Chrome in(String sectionSlug) {
    return new Chrome(siteName, sections, sectionSlug);
  }
}
