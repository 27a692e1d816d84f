package pressroom.articles;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import pressroom.db.Ids;

/** Ids of sections, authors and tags by slug, remembered for the life of one batch. */
public final class NameIds {
  private final Map<String, String> ids = new java.util.HashMap<>();

  String section(Handle h, String slug) {
    return ids.computeIfAbsent(
        "s:" + slug,
        k ->
            h.createQuery("SELECT id FROM sections WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(String.class)
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("no section '" + slug + "'")));
  }

  String author(Handle h, String name) {
    return named(h, "authors", "author", name);
  }

  String tag(Handle h, String name) {
    return named(h, "tags", "tag", name);
  }

  /**
   * The id of the author or tag with this name, created if new. By name first: the same bylines and
   * tags recur all through a batch, and slugging is not free.
   */
  private String named(Handle h, String table, String kind, String name) {
    String byName = kind + " name:" + name;
    String id = ids.get(byName);
    if (id == null) {
      String slug = Slugs.of(name, kind + "-" + Integer.toHexString(name.hashCode()));
      id = ids.computeIfAbsent(kind + " slug:" + slug, k -> upsertNamed(h, table, slug, name));
      ids.put(byName, id);
    }
    return id;
  }

  /** Id of the author or tag with this slug, creating it if new (safe under concurrency). */
  private static String upsertNamed(Handle h, String table, String slug, String name) {
    h.createUpdate(
            "INSERT INTO "
                + table
                + " (id, slug, name) VALUES (:id, :slug, :name)"
                + " ON CONFLICT (slug) DO NOTHING")
        .bind("id", Ids.newId())
        .bind("slug", slug)
        .bind("name", name)
        .execute();
    return h.createQuery("SELECT id FROM " + table + " WHERE slug = :slug")
        .bind("slug", slug)
        .mapTo(String.class)
        .one();
  }
}
