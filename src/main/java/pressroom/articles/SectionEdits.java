package pressroom.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;

/**
 * The staff's changes to sections: create, rename, describe, readdress, reorder. Every change drops
 * every node's cached pages, since every page shows the section navigation.
 */
public final class SectionEdits {
  private final Jdbi jdbi;

  public SectionEdits(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A section as the staff page shows it, with its place in the navigation and comment policy. */
  public record Listed(Section section, int position, CommentPolicy comments) {}

  /** What became of a create or an edit. */
  public sealed interface Outcome {
    /**
     * @param before the section before the edit, or null for a new one
     */
    record Saved(Section before, Section after) implements Outcome {}

    /** Another section has this address already. */
    record SlugTaken(String slug, String sectionName) implements Outcome {}

    record NotFound() implements Outcome {}
  }

  /** Which way a section moves in the navigation. */
  public enum Direction {
    UP,
    DOWN
  }

  /** Every section in navigation order. */
  public List<Listed> list() {
    return jdbi.withHandle(SectionEdits::ordered);
  }

  public Optional<Listed> find(String id) {
    return list().stream().filter(l -> l.section().id().equals(id)).findFirst();
  }

  /** A new section, last in the navigation. */
  public Outcome create(String name, String slug, String description) {
    return takenMeanwhile(slug, () -> insert(name, slug, description));
  }

  private Outcome insert(String name, String slug, String description) {
    return jdbi.inTransaction(
        h -> {
          Optional<Section> taken = bySlug(h, slug);
          if (taken.isPresent()) {
            return new Outcome.SlugTaken(slug, taken.get().name());
          }
          String id = Ids.newId();
          h.createUpdate(
                  "INSERT INTO sections (id, slug, name, description, position) VALUES (:id, :slug,"
                      + " :name, :description, (SELECT coalesce(max(position), -1) + 1 FROM"
                      + " sections))")
              .bind("id", id)
              .bind("slug", slug)
              .bind("name", name)
              .bind("description", description)
              .execute();
          claim(h, slug);
          ContentChanges.record(h, new Change.AllPages());
          return new Outcome.Saved(null, new Section(id, slug, name, description));
        });
  }

  /**
   * Renames, describes or readdresses a section. An address given up keeps answering, with a
   * redirect to the new one.
   */
  public Outcome edit(String id, String name, String slug, String description) {
    return takenMeanwhile(slug, () -> update(id, name, slug, description));
  }

  private Outcome update(String id, String name, String slug, String description) {
    return jdbi.inTransaction(
        h -> {
          Optional<Section> before = byId(h, id);
          if (before.isEmpty()) {
            return new Outcome.NotFound();
          }
          Optional<Section> taken = bySlug(h, slug).filter(s -> !s.id().equals(id));
          if (taken.isPresent()) {
            return new Outcome.SlugTaken(slug, taken.get().name());
          }
          Section after = new Section(id, slug, name, description);
          if (after.equals(before.get())) {
            return new Outcome.Saved(before.get(), after);
          }
          String oldSlug = before.get().slug();
          h.createUpdate(
                  "UPDATE sections SET slug = :slug, name = :name, description = :description"
                      + " WHERE id = :id")
              .bind("slug", slug)
              .bind("name", name)
              .bind("description", description)
              .bind("id", id)
              .execute();
          if (!oldSlug.equals(slug)) {
            claim(h, slug);
            // The old address may still be listed as another section's former one: it is ours now.
            claim(h, oldSlug);
            h.createUpdate("INSERT INTO section_slugs_retired (slug, section_id) VALUES (:s, :id)")
                .bind("s", oldSlug)
                .bind("id", id)
                .execute();
          }
          ContentChanges.record(h, new Change.AllPages());
          if (!oldSlug.equals(slug) || !before.get().name().equals(name)) {
            // Search keeps each article's section name and address: index the section's again.
            ContentChanges.recordAll(
                h,
                h.createQuery("SELECT id FROM articles WHERE section_id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .list());
          }
          return new Outcome.Saved(before.get(), after);
        });
  }

  /**
   * Moves a section one place up or down the navigation; the first stays first when moved up.
   *
   * @return the section's positions before and after (counted from 1), or empty when there is no
   *     such section
   */
  public Optional<Moved> move(String id, Direction direction) {
    return jdbi.inTransaction(
        h -> {
          List<Listed> order = new ArrayList<>(ordered(h));
          int from = -1;
          for (int i = 0; i < order.size(); i++) {
            if (order.get(i).section().id().equals(id)) {
              from = i;
            }
          }
          if (from < 0) {
            return Optional.empty();
          }
          int to =
              direction == Direction.UP
                  ? Math.max(0, from - 1)
                  : Math.min(order.size() - 1, from + 1);
          Section s = order.get(from).section();
          if (to != from) {
            order.add(to, order.remove(from));
            // Positions are rewritten 0..n-1: ties left by older code are settled too.
            for (int i = 0; i < order.size(); i++) {
              h.createUpdate("UPDATE sections SET position = :p WHERE id = :id")
                  .bind("p", i)
                  .bind("id", order.get(i).section().id())
                  .execute();
            }
            ContentChanges.record(h, new Change.AllPages());
          }
          return Optional.of(new Moved(s, from + 1, to + 1));
        });
  }

  /** A section moved from one place in the navigation to another (counted from 1). */
  public record Moved(Section section, int from, int to) {}

  /** Another editor may take the address between the check and the write: the same answer. */
  private Outcome takenMeanwhile(String slug, java.util.function.Supplier<Outcome> write) {
    try {
      return write.get();
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      return jdbi.withHandle(h -> bySlug(h, slug))
          .<Outcome>map(s -> new Outcome.SlugTaken(slug, s.name()))
          .orElseThrow(() -> e);
    }
  }

  private static List<Listed> ordered(Handle h) {
    List<Listed> out = new ArrayList<>();
    h.createQuery(
            "SELECT id, slug, name, description, comments_open, moderation FROM sections"
                + " ORDER BY position, name")
        .map(
            (rs, ctx) ->
                new Listed(
                    ArticleRows.section(rs, ""),
                    0,
                    CommentPolicy.of(rs.getInt("comments_open") == 1, rs.getString("moderation"))))
        .forEach(out::add);
    List<Listed> numbered = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      numbered.add(new Listed(out.get(i).section(), i + 1, out.get(i).comments()));
    }
    return numbered;
  }

  private static Optional<Section> bySlug(Handle h, String slug) {
    return h.createQuery("SELECT id, slug, name, description FROM sections WHERE slug = :s")
        .bind("s", slug)
        .map((rs, ctx) -> ArticleRows.section(rs, ""))
        .findOne();
  }

  private static Optional<Section> byId(Handle h, String id) {
    return h.createQuery("SELECT id, slug, name, description FROM sections WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> ArticleRows.section(rs, ""))
        .findOne();
  }

  /** A section takes this address: it no longer redirects anywhere else. */
  private static void claim(Handle h, String slug) {
    h.createUpdate("DELETE FROM section_slugs_retired WHERE slug = :s").bind("s", slug).execute();
  }
}
