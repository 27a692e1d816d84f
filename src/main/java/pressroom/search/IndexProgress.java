package pressroom.search;

import java.util.concurrent.atomic.AtomicLong;

/** What the index is doing now and, while it is built, how far it has got: read by searches. */
final class IndexProgress {
  private volatile IndexStatus.State state = IndexStatus.State.READY;
  private final AtomicLong indexed = new AtomicLong();
  private volatile long expected;

  IndexStatus status() {
    IndexStatus.State s = state;
    return s == IndexStatus.State.BUILDING || s == IndexStatus.State.REBUILDING
        ? new IndexStatus(s, indexed.get(), expected)
        : new IndexStatus(s, 0, 0);
  }

  void state(IndexStatus.State state) {
    this.state = state;
  }

  /** A build starts: of about {@code expected} articles, replacing an index of {@code previous}. */
  void building(int previous, long expected) {
    this.expected = expected;
    indexed.set(0);
    state = previous > 0 ? IndexStatus.State.REBUILDING : IndexStatus.State.BUILDING;
  }

  void indexed(long n) {
    indexed.set(n);
  }
}
