package pressroom.comments;

import java.time.Instant;
import java.util.List;

/**
 * A comment as pages show it.
 *
 * @param replyToName for a reply attached below the third level, whom it answers; else null
 * @param holdReasons why it waits for a moderator (moderators only), or null
 * @param spamScore the classifier's score when it was posted, or null
 * @param rootId the top-level comment of its thread, or null for a top-level comment
 * @param byStaff written by a moderator, editor or admin: readers see a staff badge
 */
public record Comment(
    String id,
    String articleId,
    String accountId,
    String authorName,
    String parentId,
    int depth,
    String replyToName,
    String bodyHtml,
    CommentStatus status,
    String holdReasons,
    int reports,
    Instant createdAt,
    boolean edited,
    boolean featured,
    int likes,
    Double spamScore,
    String rootId,
    boolean byStaff) {

  /** The same comment under its author's name and role (rows are read first, then accounts). */
  Comment withAuthor(String name, boolean staff) {
    return new Comment(
        id,
        articleId,
        accountId,
        name,
        parentId,
        depth,
        replyToName,
        bodyHtml,
        status,
        holdReasons,
        reports,
        createdAt,
        edited,
        featured,
        likes,
        spamScore,
        rootId,
        staff);
  }

  /** Deleted by its author: shown as a tombstone so replies keep their context. */
  public boolean deleted() {
    return status == CommentStatus.DELETED;
  }

  /** The spam score as moderators see it, e.g. "0.93", or "" when none was computed. */
  public String score() {
    return spamScore == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", spamScore);
  }

  /** A comment with its replies, for threaded display. */
  public record Node(Comment comment, List<Node> replies) {}

  /** Builds threads: roots in order, each with its replies in order. Pure. */
  public static List<Node> threads(List<Comment> ordered) {
    java.util.Map<String, List<Node>> children = new java.util.HashMap<>();
    java.util.Map<String, Node> nodes = new java.util.LinkedHashMap<>();
    for (Comment c : ordered) {
      Node n = new Node(c, new java.util.ArrayList<>());
      nodes.put(c.id(), n);
    }
    List<Node> roots = new java.util.ArrayList<>();
    for (Node n : nodes.values()) {
      Node parent = n.comment().parentId() == null ? null : nodes.get(n.comment().parentId());
      if (parent == null) {
        roots.add(n);
      } else {
        parent.replies().add(n);
      }
    }
    return roots;
  }
}
