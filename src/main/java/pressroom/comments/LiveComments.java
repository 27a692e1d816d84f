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
 * New approved comments for readers already on an article page (Server-Sent Events). An article
 * somebody is watching is asked for comments published since the last look — in the database, so a
 * comment approved on another node shows here too — as soon as the change log says its comments
 * changed, and every second in case a change was missed.
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
    // A quiet stream still says something now and then: a reader who left is noticed (the write
    // fails and the stream closes) instead of holding a connection through the load balancer and
    // the cache until the next comment, and proxies' idle timeouts can stay short.
    timer.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
  }

  static final int PING_SECONDS = 25;

  private void ping() {
    for (Set<SseClient> clients : watchers.values()) {
      for (SseClient client : clients) {
        try {
          if (!client.terminated()) {
            client.sendComment("ping");
          }
        } catch (RuntimeException gone) {
          // the reader left; the stream's close hook removes it
        }
      }
    }
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

  /**
   * From the change log (any node's commit): these articles' comments changed, so their watchers
   * are served now rather than at the next tick. Runs on the timer's thread, like a tick.
   */
  public void commentsChanged(java.util.Collection<String> articleIds) {
    List<String> watched = articleIds.stream().filter(watchers::containsKey).distinct().toList();
    if (!watched.isEmpty()) {
      try {
        timer.execute(() -> lookSafely(watched));
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // closed: nobody is watching any more
      }
    }
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("Live comments could not be read: {}", e.toString());
    }
  }

  private void lookSafely(List<String> articleIds) {
    try {
      long now = clock.millis();
      for (String articleId : articleIds) {
        Set<SseClient> clients = watchers.get(articleId);
        if (clients != null && !clients.isEmpty()) {
          look(articleId, clients, now);
        }
      }
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
      look(entry.getKey(), entry.getValue(), now);
    }
  }

  /** Sends the article's comments published since its last look (and a second before it). */
  private void look(String articleId, Set<SseClient> clients, long now) {
    long since = lastLook.getOrDefault(articleId, now);
    List<Comment> fresh =
        comments.publishedSince(
            articleId, Instant.ofEpochMilli(since - 1000), Instant.ofEpochMilli(now));
    lastLook.put(articleId, now);
    for (Comment c : fresh) {
      String html =
          templates
              .render("comments/live.jte", new Fragment(c, stamps.stamp(c.createdAt())))
              .replace("\n", "");
      for (SseClient client : clients) {
        if (!client.terminated()) {
          client.sendEvent("comment", html, c.id());
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
