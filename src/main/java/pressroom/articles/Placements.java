package pressroom.articles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Where articles are listed — their sections, authors and tags — so that the listing pages a change
 * reaches can be named (a shared cache in front is told to drop them).
 */
public final class Placements {
  /** The listings a set of articles appears in. */
  public record Listed(Set<String> sectionIds, Set<String> authorIds, Set<String> tagIds) {}

  private final Jdbi jdbi;

  public Placements(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The listings of the articles that still exist among {@code articleIds}. */
  public Listed of(Collection<String> articleIds) {
    Listed listed = new Listed(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    List<String> ids = new ArrayList<>(articleIds);
    jdbi.useHandle(
        h -> {
          for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            listed.sectionIds().addAll(ids(h, "SELECT section_id FROM articles", chunk));
            listed
                .authorIds()
                .addAll(ids(h, "SELECT author_id FROM article_authors", chunk, "article_id"));
            listed.tagIds().addAll(ids(h, "SELECT tag_id FROM article_tags", chunk, "article_id"));
          }
        });
    return listed;
  }

  private static List<String> ids(org.jdbi.v3.core.Handle h, String select, List<String> chunk) {
    return ids(h, select, chunk, "id");
  }

  private static List<String> ids(
      org.jdbi.v3.core.Handle h, String select, List<String> chunk, String column) {
    return h.createQuery(select + " WHERE " + column + " IN (<ids>)")
        .bindList("ids", chunk)
        .mapTo(String.class)
        .list();
  }
}
