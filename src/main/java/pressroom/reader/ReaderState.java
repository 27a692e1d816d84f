package pressroom.reader;

import org.jdbi.v3.core.Jdbi;

/**
 * What a signed-in reader's copy of an article page depends on beyond their account: whether they
 * bookmarked it, and whether they muted anyone. One round trip, so the shared parts of the page can
 * come from the cache.
 */
final class ReaderState {
  private final Jdbi jdbi;

  ReaderState(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param bookmarked the reader keeps the article on their reading list
   * @param mutesAnyone the reader muted at least one other reader
   */
  record Of(boolean bookmarked, boolean mutesAnyone) {}

  Of of(String accountId, String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT
                      (SELECT count(*) FROM bookmarks b JOIN articles a ON a.id = b.article_id
                        WHERE b.account_id = :account AND a.slug = :slug) AS bookmarked,
                      (SELECT count(*) FROM (SELECT 1 FROM account_mutes
                        WHERE account_id = :account LIMIT 1) m) AS mutes
                    """)
                .bind("account", accountId)
                .bind("slug", slug)
                .map((rs, c) -> new Of(rs.getInt("bookmarked") > 0, rs.getInt("mutes") > 0))
                .one());
  }
}
