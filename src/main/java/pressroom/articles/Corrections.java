package pressroom.articles;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the corrections appended to an article, oldest first (the article page, the editor). */
public final class Corrections {
  private final Jdbi jdbi;

  public Corrections(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public List<Correction> of(String articleId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, note, created_at FROM article_corrections WHERE article_id = :id"
                        + " ORDER BY created_at, id")
                .bind("id", articleId)
                .map(
                    (rs, ctx) ->
                        new Correction(
                            rs.getString("id"),
                            rs.getString("note"),
                            Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
  }
}
