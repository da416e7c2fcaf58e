package org.graphstatus.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GRAPH_LOG_FORMAT=json}: the server's log handlers write Payara's JSON log format
 * ({@code fish.payara.enterprise.server.logging.JSONLogFormatter}, one object a line, which writes a record's
 * map parameter as fields of their own: {@link RequestLog}'s). Switched on when the service is deployed, so it
 * works however the server was started; what the server logged while booting stays in its own format.
 */
@ApplicationScoped
public class LogFormat {

    static final String PAYARA_JSON = "fish.payara.enterprise.server.logging.JSONLogFormatter";
    private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());

    @Inject
    @ConfigProperty(name = "graph.log.format", defaultValue = "plain")
    String format;

    void apply(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (!format.equalsIgnoreCase("json")) {
            return;
        }
        Handler[] handlers = Logger.getLogger("").getHandlers();
        for (Handler handler : handlers) {
            // Payara's formatters live beside the one the handler has: its class loader finds the JSON one
            ClassLoader loader = handler.getFormatter() == null ? null : handler.getFormatter().getClass().getClassLoader();
            try {
                handler.setFormatter((Formatter) Class.forName(PAYARA_JSON, true,
                        loader == null ? Thread.currentThread().getContextClassLoader() : loader)
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.log(Level.WARNING, "GRAPH_LOG_FORMAT=json, but " + PAYARA_JSON + " cannot be loaded: "
                        + handler.getClass().getName() + " stays as it is", e);
            }
        }
        LOG.info("Logging in Payara's JSON format (GRAPH_LOG_FORMAT=json)");
    }
}
