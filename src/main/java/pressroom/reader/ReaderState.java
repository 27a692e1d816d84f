package pressroom.reader;

import org.jdbi.v3.core.Jdbi;

/**
 * What a signed-in reader's copy of an article page depends on beyond their account: whether they
 * bookmarked it, whether they muted anyone, and whether they commented on it. One round trip, so
 * the shared parts of the page can come from the cache.
 */
final class ReaderState {
  private final Jdbi jdbi;

  ReaderState(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param bookmarked the reader keeps the article on their reading list
   * @param mutesAnyone the reader muted at least one other reader
   * @param commented the reader wrote a comment on it (asked here, not of a cached page, which
   *     another node may have cached before their comment)
   */
  record Of(boolean bookmarked, boolean mutesAnyone, boolean commented) {
    /** Their page differs from the one every reader in their place sees. */
    boolean ownPage() {
      return mutesAnyone || commented;
    }
  }

  Of of(String accountId, String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT
                      (SELECT count(*) FROM bookmarks b JOIN articles a ON a.id = b.article_id
                        WHERE b.account_id = :account AND a.slug = :slug) AS bookmarked,
                      (SELECT count(*) FROM (SELECT 1 FROM account_mutes
                        WHERE account_id = :account LIMIT 1) m) AS mutes,
                      (SELECT count(*) FROM (SELECT 1 FROM comments c JOIN articles a
                        ON a.id = c.article_id WHERE c.account_id = :account AND a.slug = :slug
                        LIMIT 1) o) AS commented
                    """)
                .bind("account", accountId)
                .bind("slug", slug)
                .map(
                    (rs, c) ->
                        new Of(
                            rs.getInt("bookmarked") > 0,
                            rs.getInt("mutes") > 0,
                            rs.getInt("commented") > 0))
                .one());
  }
}
