package pressroom.changes;

/**
 * What one row of the change log says changed, and so what every node drops: cached pages, and for
 * some changes, entries of its search index. Stored as text (an article id, or a marker) so that
 * rows written by older versions read the same.
 */
public sealed interface Change {
  /** An article's text, status or place changed: its pages, every listing, its search entry. */
  record ArticleChanged(String articleId) implements Change {}

  /** An article's comments changed: only that article's own pages. */
  record CommentsChanged(String articleId) implements Change {}

  /** Something every page shows changed (navigation, comment settings): pages, not search. */
  record AllPages() implements Change {}

  /** Everything: every page, and each node rebuilds its search index. */
  record Everything() implements Change {}

  /** Whether the search index must hear of it. */
  default boolean touchesSearch() {
    return this instanceof ArticleChanged || this instanceof Everything;
  }

  /** The text stored in {@code content_changes.article_id}. */
  default String stored() {
    return switch (this) {
      case ArticleChanged a -> a.articleId();
      case CommentsChanged c -> PAGE_ONLY + c.articleId();
      case AllPages p -> PAGE_ONLY + EVERYTHING;
      case Everything e -> EVERYTHING;
    };
  }

  /** Reads a stored row back. */
  static Change of(String stored) {
    if (stored.equals(EVERYTHING)) {
      return new Everything();
    }
    if (stored.equals(PAGE_ONLY + EVERYTHING)) {
      return new AllPages();
    }
    if (stored.startsWith(PAGE_ONLY)) {
      return new CommentsChanged(stored.substring(PAGE_ONLY.length()));
    }
    return new ArticleChanged(stored);
  }

  // The stored markers; article ids (UUIDs) can be neither.
  String EVERYTHING = "*";
  String PAGE_ONLY = "page:";
}
