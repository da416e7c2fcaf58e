package org.graphstatus.monitoring;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The service's own metrics over OTLP too, where the server's MicroProfile Telemetry has metrics (Payara 7's
 * Telemetry 2; Payara 6's 1.1 has none, and there they are on {@code /metrics} only). Each {@code graph_*}
 * metric of {@code /metrics} is observed under the same name, so that a collector's Prometheus export shows what a
 * scrape shows: a counter as a counter, a gauge as a gauge, and a histogram or timer as its {@code _count} and
 * {@code _sum} (its buckets and quantiles stay on {@code /metrics}). The request histogram is left out: the server
 * exports its own, {@code http.server.request.duration}, with buckets, by the same route templates
 * ({@link ServerSpanName}). Metrics appear as they are first used, so the names are looked for again every
 * {@value #LOOK_SECONDS} seconds; nothing is exported while {@code OTEL_SDK_DISABLED} is not {@code false}.
 */
@ApplicationScoped
public class OtlpMetrics {

    static final int LOOK_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(OtlpMetrics.class.getName());
    private static final Set<String> LEFT_OUT = Set.of("graph_requests");

    @Inject
    MetricRegistry registry;

    @Inject
    Instance<Meter> meters;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<String> observed = new HashSet<>();
    private ScheduledFuture<?> looks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (!meters.isResolvable()) {
            LOG.fine("No OpenTelemetry Meter here: the service's metrics are on /metrics only");
            return;
        }
        Meter meter = meters.get();
        looks = scheduler.scheduleWithFixedDelay(() -> observeNew(meter), 0, LOOK_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (looks != null) {
            looks.cancel(false);
        }
    }

    private void observeNew(Meter meter) {
        try {
            for (String name : registry.getNames()) {
                if (name.startsWith("graph_") && !LEFT_OUT.contains(name) && observed.add(name)) {
                    observe(meter, name);
                }
            }
        } catch (RuntimeException e) { // an exception would end the schedule
            LOG.log(Level.FINE, "Metrics not looked for", e);
        }
    }

    private void observe(Meter meter, String name) {
        String description = registry.getMetadata(name).getDescription();
        Metric metric = registry.getMetrics((id, m) -> id.getName().equals(name)).values().iterator().next();
        if (metric instanceof Counter) {
            meter.counterBuilder(name).setDescription(description).buildWithCallback(out ->
                    each(name, Counter.class, (counter, attributes) -> out.record(counter.getCount(), attributes)));
        } else if (metric instanceof Gauge) {
            meter.gaugeBuilder(name).setDescription(description).buildWithCallback(out ->
                    each(name, Gauge.class, (gauge, attributes) -> out.record(gauge.getValue().doubleValue(), attributes)));
        } else if (metric instanceof Histogram) {
            meter.counterBuilder(name + "_count").setDescription(description).buildWithCallback(out ->
                    each(name, Histogram.class, (histogram, attributes) -> out.record(histogram.getCount(), attributes)));
            meter.counterBuilder(name + "_sum").ofDoubles().setDescription(description).buildWithCallback(out ->
                    each(name, Histogram.class, (histogram, attributes) -> out.record(histogram.getSum(), attributes)));
        } else if (metric instanceof Timer) {
            meter.counterBuilder(name + "_seconds_count").setDescription(description).buildWithCallback(out ->
                    each(name, Timer.class, (timer, attributes) -> out.record(timer.getCount(), attributes)));
            meter.counterBuilder(name + "_seconds_sum").ofDoubles().setUnit("s").setDescription(description)
                    .buildWithCallback(out -> each(name, Timer.class, (timer, attributes) ->
                            out.record(timer.getElapsedTime().toNanos() / 1e9, attributes)));
        }
    }

    /** Each series of the metric {@code name}, with its tags as attributes. */
    private <M extends Metric> void each(String name, Class<M> type, BiConsumer<M, Attributes> record) {
        for (Map.Entry<MetricID, Metric> series : registry.getMetrics((id, m) -> id.getName().equals(name)).entrySet()) {
            AttributesBuilder attributes = Attributes.builder();
            series.getKey().getTags().forEach(attributes::put);
            if (type.isInstance(series.getValue())) {
                record.accept(type.cast(series.getValue()), attributes.build());
            }
        }
    }
}
