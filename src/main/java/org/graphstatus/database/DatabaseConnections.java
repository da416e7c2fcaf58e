package org.graphstatus.database;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventListener;

/**
 * What the service's JPA work does with database connections, from EclipseLink's own events (a session
 * acquires a connection of the pool for its statements and releases it after its transaction ends), through
 * {@link #WATCHING}, which {@link FailFastOnOutage} adds to the session:
 * <ul>
 * <li>how many it holds now, on {@code /metrics} as {@code graph_database_connections_in_use}: Payara 7 no longer
 * publishes its pool's figures (Payara 6's {@code connection_pool_*}). The readiness check and the embedded H2's
 * compaction take a connection of the pool directly, briefly, and are not counted;</li>
 * <li>with telemetry on, a span, {@code database}, for each holding: the statements, and the commit of the
 * transaction they ran in, as a child of whatever the request was doing (a create's {@code group commit}).</li>
 * </ul>
 */
@ApplicationScoped
public class DatabaseConnections {

    private static final AtomicInteger HELD = new AtomicInteger();
    private static final String SPAN = DatabaseConnections.class.getName() + ".span";
    /** The server's tracer, looked up once: EclipseLink, not CDI, makes the listener. */
    private static volatile Tracer tracer;

    static final SessionEventListener WATCHING = new SessionEventAdapter() {
        @Override
        public void postAcquireConnection(SessionEvent event) {
            HELD.incrementAndGet();
            event.getSession().setProperty(SPAN, tracer().spanBuilder("database").startSpan());
        }

        @Override
        public void preReleaseConnection(SessionEvent event) {
            HELD.decrementAndGet();
            if (event.getSession().getProperty(SPAN) instanceof Span span) {
                event.getSession().removeProperty(SPAN);
                span.end();
            }
        }
    };

    @Inject
    MetricRegistry registry;

    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        registry.gauge(Metadata.builder().withName("graph_database_connections_in_use")
                .withDescription("Database connections the service's JPA work holds now").build(), HELD::get);
    }

    private static Tracer tracer() {
        Tracer known = tracer;
        if (known == null) {
            try {
                tracer = known = CDI.current().select(Tracer.class).get();
            } catch (RuntimeException e) { // EclipseLink logs in while the application starts, before CDI serves
                return TracerProvider.noop().get(DatabaseConnections.class.getName());
            }
        }
        return known;
    }
}
