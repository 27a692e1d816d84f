package pressroom.reader;

import java.util.List;
import pressroom.articles.Article;
import pressroom.articles.ArticleReads;
import pressroom.articles.ArticleSummary;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.Stamp;

/** The typed models of the reader pages, one per template. */
public final class Pages {
  private Pages() {}

  /** An article in a listing, with its date ready to show. */
  public record Item(ArticleSummary article, Stamp published) {}

  /** A correction under an article, with its time in the site's zone. */
  public record CorrectionNote(Stamp at, String note) {}

  public record SectionBlock(Chrome.NavSection section, List<Item> items) {}

  /**
   * Links to the neighbouring pages of a listing.
   *
   * @param previous href or null
   * @param next href or null
   */
  public record Pagination(int page, String previous, String next) {
    public boolean any() {
      return previous != null || next != null;
    }
  }

  /**
   * The front page: the lead story, the next few as cards, the rest of the top stories as
   * headlines, then a block per section holding none of those again.
   *
   * @param lead the first story (pinned ones first), or null on an empty site
   */
  public record HomePage(
      Chrome chrome,
      Head head,
      Item lead,
      List<Item> cards,
      List<Item> briefs,
      List<SectionBlock> sections) {
    public boolean empty() {
      return lead == null;
    }
  }

  /**
   * A section, author or tag page.
   *
   * @param kind what the page lists, e.g. "Section", "Author", "Tag"
   * @param span where a page past the numbered ones stands: the days it covers, or null
   */
  public record ListingPage(
      Chrome chrome,
      Head head,
      String kind,
      String heading,
      String description,
      List<Item> items,
      Pagination pagination,
      String span) {}

  /**
   * @param updated when the partner last corrected it, or null
   * @param alsoFrom the same story from other partners
   * @param commentState what the comment area offers this visitor: open, anonymous, unverified,
   *     suspended or closed
   * @param notice a one-off message (after posting or reporting), or null
   * @param stamps the site's zone, for the comments' times (rendered on the server, so the shared
   *     copy of the page shows the same exact time to everyone)
   */
  public record ArticlePage(
      Chrome chrome,
      Head head,
      Article article,
      Stamp published,
      Stamp updated,
      List<ArticleReads.AlsoFrom> alsoFrom,
      List<pressroom.comments.Comment.Node> comments,
      int commentCount,
      CommentArea commentState,
      String notice,
      List<pressroom.comments.Comment> picks,
      String commentSort,
      Pagination commentPages,
      String viewerAccountId,
      String selfUrl,
      Boolean bookmarked,
      List<ArticleReads.Related> related,
      List<CorrectionNote> corrections,
      Stamp.Clock stamps) {

    /** The article's address, for share links. */
    public String shareUrl() {
      return selfUrl;
    }

    /** {@code text} made safe for a query-string value. */
    public static String enc(String text) {
      return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20");
    }

    /** The address of this article's thread in another order (page 1). */
    public String sortHref(String sort) {
      return "/articles/"
          + article.slug()
          + ("oldest".equals(sort) ? "" : "?comments=" + sort)
          + "#comments";
    }
  }
}
