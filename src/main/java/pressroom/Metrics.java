package pressroom;

import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import pressroom.web.PageCache;

/** What /metrics reports: the JVM, the process, the page cache, and what features register. */
final class Metrics implements AutoCloseable {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // The only binder that holds a resource (GC notification listeners) to give back.
  private final JvmGcMetrics gc = new JvmGcMetrics();

  Metrics(PageCache pages) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    CaffeineCacheMetrics.monitor(registry, pages.caffeine(), "pages");
    CaffeineCacheMetrics.monitor(registry, pages.memberCaffeine(), "member_pages");
  }

  @Override
  public void close() {
    gc.close();
  }
}
