package pressroom.reader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.articles.Placements;
import pressroom.changes.Change;
import pressroom.web.SurrogateKeys;

/**
 * Tells the shared cache in front ({@code PRESSROOM_PURGE_URL}) which pages a batch of content
 * changes makes stale: {@code PURGE <url>} with the pages' surrogate keys, space separated, in an
 * {@code xkey-purge} header (Varnish's xkey; a CDN needs a small adapter, see docs/scaling.md).
 *
 * <p>Every node sends it, after dropping its own copies. A cache that fetched the page again from a
 * node that had not yet heard of the change is then purged once more by that node, so no stale copy
 * outlives the last node's purge. Sending happens on a thread of its own: a slow or absent cache
 * never holds up the change log.
 */
public final class SharedCachePurge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SharedCachePurge.class);
  public static final String HEADER = "xkey-purge";

  /** Keys per request: well under Varnish's 8 KB limit on a request header. */
  static final int KEYS_PER_REQUEST = 200;

  private final URI target;
  private final String where;
  private final Placements placements;
  private final HttpClient client;
  private final Object lock = new Object();
  private Set<Change> pending = new LinkedHashSet<>();
  private boolean closed;
  private final Thread worker;

  public SharedCachePurge(URI target, Placements placements) {
    this.target = target;
    // For logs: without any user and password the address may carry.
    this.where =
        target.getScheme()
            + "://"
            + target.getHost()
            + (target.getPort() < 0 ? "" : ":" + target.getPort());
    this.placements = placements;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.worker = Thread.ofVirtual().name("shared-cache-purge").start(this::run);
  }

  /** Queues a purge of what {@code changes} reach; returns at once. */
  public void changed(Collection<Change> changes) {
    synchronized (lock) {
      if (pending.size() + changes.size() > MAX_PENDING) {
        // An import's worth of changes while the cache is slow or away: one purge of everything
        // says the same in a single request, and the backlog cannot grow.
        pending = new LinkedHashSet<>(List.of(new Change.AllPages()));
      } else {
        pending.addAll(changes);
      }
      lock.notifyAll();
    }
  }

  /** Changes waiting to be sent; past this they become one purge of every page. */
  static final int MAX_PENDING = 5_000;

  /** The surrogate keys of every page {@code changes} may have made stale. */
  List<String> keysOf(Collection<Change> changes) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> articles = new ArrayList<>();
    for (Change c : changes) {
      switch (c) {
        case Change.Everything e -> {
          return List.of(SurrogateKeys.ALL);
        }
        case Change.AllPages a -> {
          return List.of(SurrogateKeys.ALL);
        }
        case Change.CommentsChanged cc -> keys.add(SurrogateKeys.comments(cc.articleId()));
        case Change.ArticleChanged ac -> {
          keys.add(SurrogateKeys.article(ac.articleId()));
          articles.add(ac.articleId());
        }
      }
    }
    if (!articles.isEmpty()) {
      // A listing that shows the article carries its key already; these are the listings it may
      // have just joined.
      keys.add(SurrogateKeys.HOME);
      keys.add(SurrogateKeys.SEARCH);
      Placements.Listed listed = placements.of(articles);
      listed.sectionIds().forEach(id -> keys.add(SurrogateKeys.section(id)));
      listed.authorIds().forEach(id -> keys.add(SurrogateKeys.author(id)));
      listed.tagIds().forEach(id -> keys.add(SurrogateKeys.tag(id)));
    }
    return List.copyOf(keys);
  }

  private void run() {
    while (true) {
      Set<Change> batch;
      synchronized (lock) {
        while (pending.isEmpty() && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        batch = pending;
        pending = new LinkedHashSet<>();
      }
      try {
        List<String> keys = keysOf(batch);
        for (int from = 0; from < keys.size(); from += KEYS_PER_REQUEST) {
          send(
              String.join(" ", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_REQUEST))));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("Could not work out what to purge from the shared cache: {}", e.toString());
      }
    }
  }

  /** Sends one purge, trying three times; the pages' own lifetime bounds a purge that is lost. */
  private void send(String keys) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .method("PURGE", HttpRequest.BodyPublishers.noBody())
            .header(HEADER, keys)
            .timeout(Duration.ofSeconds(5))
            .build();
    String problem = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) {
        Thread.sleep(200L * attempt * attempt);
      }
      try {
        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 == 2) {
          return;
        }
        problem = "answered " + r.statusCode();
      } catch (java.io.IOException e) {
        problem = e.toString();
      }
    }
    log.warn(
        "Shared cache at {} did not take a purge ({}): its copies expire on their own",
        where,
        problem);
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    worker.interrupt();
    client.close();
  }
}
