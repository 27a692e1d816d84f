package pressroom.comments;

import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * New approved comments for readers already on an article page (Server-Sent Events). Every second,
 * each article somebody is watching is asked for comments published since the last look — in the
 * database, so a comment approved on another node shows here too.
 */
public final class LiveComments implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveComments.class);

  private final CommentDao comments;
  private final Templates templates;
  private final InstantSource clock;
  private final Stamp.Clock stamps;
  private final Map<String, Set<SseClient>> watchers = new ConcurrentHashMap<>();
  private final Map<String, Long> lastLook = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "live-comments");
            t.setDaemon(true);
            return t;
          });

  public LiveComments(
      CommentDao comments, Templates templates, Stamp.Clock stamps, InstantSource clock) {
    this.clock = clock;
    this.stamps = stamps;
    this.comments = comments;
    this.templates = templates;
    timer.scheduleWithFixedDelay(this::tickSafely, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * One new comment as every watcher gets it: the same for all, so nothing in it is per reader (no
   * form tokens, no "your comment" actions); its time is in the site's zone like the page's.
   */
  public record Fragment(Comment comment, Stamp at) {}

  /** A reader's page subscribes to an article; the connection stays open until they leave. */
  public void watch(String articleId, SseClient client) {
    lastLook.putIfAbsent(articleId, clock.millis());
    watchers.computeIfAbsent(articleId, k -> ConcurrentHashMap.newKeySet()).add(client);
    client.onClose(
        () -> {
          Set<SseClient> set = watchers.get(articleId);
          if (set != null) {
            set.remove(client);
          }
        });
    client.sendComment("watching");
    client.keepAlive();
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("Live comments could not be read: {}", e.toString());
    }
  }

  void tick() {
    long now = clock.millis();
    for (var entry : watchers.entrySet()) {
      if (entry.getValue().isEmpty()) {
        watchers.remove(entry.getKey());
        lastLook.remove(entry.getKey());
        continue;
      }
      long since = lastLook.getOrDefault(entry.getKey(), now);
      List<Comment> fresh =
          comments.publishedSince(
              entry.getKey(), Instant.ofEpochMilli(since - 1000), Instant.ofEpochMilli(now));
      lastLook.put(entry.getKey(), now);
      for (Comment c : fresh) {
        String html =
            templates
                .render("comments/live.jte", new Fragment(c, stamps.stamp(c.createdAt())))
                .replace("\n", "");
        for (SseClient client : entry.getValue()) {
          if (!client.terminated()) {
            client.sendEvent("comment", html, c.id());
          }
        }
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    watchers.values().forEach(set -> set.forEach(SseClient::close));
  }
}
