package pressroom.comments;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import pressroom.text.UntrustedText;
import pressroom.web.PageException;

/** The RSS feed of an article's comments. */
public final class CommentFeed {
  private final CommentDao comments;
  private final String baseUrl;

  public CommentFeed(CommentDao comments, String baseUrl) {
    this.comments = comments;
    this.baseUrl = baseUrl;
  }

  /** RSS 2.0 of an article's newest published comments. */
  public void feed(Context ctx) {
    String slug = ctx.pathParam("slug");
    CommentDao.Policy article = comments.policy(slug).orElseThrow(PageException::notFound);
    var feed = new SyndFeedImpl();
    feed.setFeedType("rss_2.0");
    feed.setTitle("Comments on " + slug);
    feed.setLink(baseUrl + "/articles/" + slug + "#comments");
    feed.setDescription("The newest comments on this article.");
    List<SyndEntry> entries = new ArrayList<>();
    for (Comment c : comments.page(article.articleId(), CommentDao.Sort.NEWEST, 50, 0)) {
      if (c.status() != CommentStatus.PUBLISHED) {
        continue;
      }
      var e = new SyndEntryImpl();
      // Cleaned on the way out too: a feed must not fail on a row from before the doors cleaned.
      e.setTitle(UntrustedText.clean("Comment by " + c.authorName()));
      e.setAuthor(UntrustedText.clean(c.authorName()));
      e.setLink(baseUrl + "/articles/" + slug + "#c-" + c.id());
      e.setUri(baseUrl + "/articles/" + slug + "#c-" + c.id());
      e.setPublishedDate(Date.from(c.createdAt()));
      var d = new SyndContentImpl();
      d.setType("text/html");
      d.setValue(UntrustedText.clean(c.bodyHtml()));
      e.setDescription(d);
      entries.add(e);
    }
    entries.sort(Comparator.comparing(SyndEntry::getPublishedDate).reversed());
    feed.setEntries(entries);
    try {
      ctx.contentType("application/rss+xml; charset=utf-8")
          .result(new SyndFeedOutput().outputString(feed));
    } catch (FeedException e) {
      throw new IllegalStateException(e);
    }
  }
}
