package pressroom.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer that commits many small writes together: callers hand in their work and wait; the
 * writer runs everything queued in one transaction and answers each caller only once it is
 * committed. Many posters then cost one disk flush, not one each, and never fight over SQLite's
 * write lock. A failing piece of work is retried alone, so it never takes others down with it.
 */
public final class GroupCommit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
  private static final int MAX_BATCH = 500;

  private record Work<T>(BiFunction<Handle, Batch, T> body, CompletableFuture<T> done) {}

  /** The transaction a piece of work shares with others. */
  public interface Batch {
    /**
     * Runs {@code action} once at the end of the transaction, however many pieces ask with this
     * key.
     */
    void once(String key, Consumer<Handle> action);
  }

  private final Jdbi jdbi;
  private final BlockingQueue<Work<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  public GroupCommit(Jdbi jdbi, String name) {
    this.jdbi = jdbi;
    this.writer = new Thread(this::run, name);
    writer.setDaemon(true);
    writer.start();
  }

  /** Runs {@code body} in a transaction shared with other callers; returns once it is committed. */
  public <T> T write(Function<Handle, T> body) {
    return write((h, batch) -> body.apply(h));
  }

  /** As {@link #write(Function)}, for work that also asks for something once per transaction. */
  public <T> T write(BiFunction<Handle, Batch, T> body) {
    CompletableFuture<T> done = new CompletableFuture<>();
    queue.add(new Work<>(body, done));
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void run() {
    List<Work<?>> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Group commit failed", e);
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Work<?>> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    try {
      jdbi.useTransaction(
          h -> {
            Map<String, Consumer<Handle>> once = new LinkedHashMap<>();
            for (Work<?> w : batch) {
              results.add(w.body().apply(h, once::putIfAbsent));
            }
            once.values().forEach(a -> a.accept(h));
          });
    } catch (RuntimeException e) {
      // Someone's work failed and rolled the batch back: run each alone to find out whose.
      for (Work<?> w : batch) {
        alone(w);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), results.get(i));
    }
  }

  private <T> void alone(Work<T> w) {
    try {
      w.done()
          .complete(
              jdbi.inTransaction(
                  h -> {
                    Map<String, Consumer<Handle>> once = new LinkedHashMap<>();
                    T result = w.body().apply(h, once::putIfAbsent);
                    once.values().forEach(a -> a.accept(h));
                    return result;
                  }));
    } catch (RuntimeException e) {
      w.done().completeExceptionally(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Work<T> w, Object result) {
    w.done().complete((T) result);
  }

  @Override
  public void close() {
    running = false;
    writer.interrupt();
  }
}
