package pressroom.articles;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;

/** The site's sections: the navigation, and the section each article belongs to. */
public final class Sections {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Sections.class);

  private final Jdbi jdbi;

  public Sections(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public List<Section> sections() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, slug, name, description FROM sections ORDER BY position, name")
                .map((rs, ctx) -> ArticleRows.section(rs, ""))
                .list());
  }

  public Optional<Section> sectionBySlug(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, slug, name, description FROM sections WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> ArticleRows.section(rs, ""))
                .findOne());
  }

  /** The current address of a section that used to be at {@code slug}, if one did. */
  public Optional<String> currentSlugFor(String retiredSlug) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT s.slug FROM section_slugs_retired r JOIN sections s ON s.id ="
                        + " r.section_id WHERE r.slug = :slug")
                .bind("slug", retiredSlug)
                .mapTo(String.class)
                .findOne());
  }

  public String createSection(String slug, String name, String description, int position) {
    String id = Ids.newId();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sections (id, slug, name, description, position)"
                        + " VALUES (:id, :slug, :name, :description, :position)")
                .bind("id", id)
                .bind("slug", slug)
                .bind("name", name)
                .bind("description", description)
                .bind("position", position)
                .execute());
    return id;
  }

  /**
   * The id of the section named (by slug or name) inside the caller's transaction; a new name
   * creates a section, last in the navigation.
   */
  public static String sectionFor(Handle h, String nameOrSlug) {
    String given = nameOrSlug.strip();
    return h.createQuery("SELECT id FROM sections WHERE slug = :s OR lower(name) = lower(:s)")
        .bind("s", given)
        .mapTo(String.class)
        .findFirst()
        .orElseGet(
            () -> {
              String slug = Slugs.of(given, "section-" + Ids.newId().substring(24));
              String id = Ids.newId();
              int position =
                  h.createQuery("SELECT coalesce(max(position), -1) + 1 FROM sections")
                      .mapTo(Integer.class)
                      .one();
              h.createUpdate(
                      "INSERT INTO sections (id, slug, name, description, position)"
                          + " VALUES (:id, :slug, :name, '', :position)")
                  .bind("id", id)
                  .bind("slug", slug)
                  .bind("name", given)
                  .bind("position", position)
                  .execute();
              // The address is this section's now, not a redirect to the one that gave it up.
              h.createUpdate("DELETE FROM section_slugs_retired WHERE slug = :s")
                  .bind("s", slug)
                  .execute();
              ContentChanges.record(h, new Change.AllPages()); // the navigation shows sections
              log.info("Created section '{}' (/sections/{})", given, slug);
              return id;
            });
  }

  /** Every section's slug by its id, inside the caller's transaction. */
  public static Map<String, String> sectionSlugs(Handle h) {
    Map<String, String> slugs = new java.util.HashMap<>();
    h.createQuery("SELECT id, slug FROM sections")
        .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("slug")))
        .forEach(e -> slugs.put(e.getKey(), e.getValue()));
    return slugs;
  }
}
