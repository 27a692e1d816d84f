package pressroom.search;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * Keeps a rebuild and the change-log follower apart: no single change may straddle the start of a
 * new generation (it would write the old generation after the rebuild wrote the new one, and the
 * end of the rebuild would drop the article), and the articles changed during a rebuild are noted,
 * to be read once more at its end (a batch may have put one back as it was).
 */
final class GenerationSwitch {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile Set<String> changedDuringRebuild;

  /** Applies a change of {@code ids}, noting them if a rebuild runs. */
  void apply(Collection<String> ids, Runnable change) {
    lock.readLock().lock();
    try {
      Set<String> during = changedDuringRebuild;
      if (during != null) {
        during.addAll(ids);
      }
      change.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A rebuild starts the generation {@code next} returns; changes are noted from here on. */
  long begin(LongSupplier next) {
    lock.writeLock().lock();
    try {
      changedDuringRebuild = ConcurrentHashMap.newKeySet();
      return next.getAsLong();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The rebuild has ended: the articles changed while it ran. */
  Set<String> end() {
    Set<String> during = changedDuringRebuild;
    changedDuringRebuild = null;
    return during == null ? Set.of() : during;
  }
}
