package org.graphstatus.monitoring;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Names a request's server span by its route, {@code POST /beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses}.
 * Payara 7 names the span as it ends, from a route it keeps in the OpenTelemetry context
 * ({@code fish.payara.opentracing.OtelRouteState}), so {@link Span#updateName} does not last there. Its JAX-RS
 * listener sets that route to the raw {@code @Path} patterns, regular expressions included and with no slash
 * between the application's path and the resource's ({@code POST /betadeviceAppManagement/...{userStatus:
 * (/userStatuses/[^/]+)?}/deviceStatuses}), and a {@code $batch}'s to that of its last request. So this sets that
 * state's route and name too, by reflection, as the class is the server's own: its route is also the
 * {@code http.route} of the server's request metric. Where the class is missing (Payara 6), {@code updateName}
 * is all it takes.
 */
final class ServerSpanName {

    private static final Logger LOG = Logger.getLogger(ServerSpanName.class.getName());
    private static final String ROUTE_STATE = "fish.payara.opentracing.OtelRouteState";
    private static volatile RouteState routeState;

    private ServerSpanName() {
    }

    static void set(Span span, String method, String route) {
        String name = method + " " + route;
        span.updateName(name);
        RouteState state = routeState;
        if (state == null) {
            routeState = state = RouteState.find(span);
        }
        state.set(name, route);
    }

    /** Payara 7's route state's methods, or nothing where there is none. */
    private record RouteState(Method fromContext, Method setFullRoute, Method overrideSpanName) {

        static final RouteState NONE = new RouteState(null, null, null);

        static RouteState find(Span span) {
            try {
                Class<?> type = Class.forName(ROUTE_STATE, false, span.getClass().getClassLoader());
                return new RouteState(type.getMethod("fromContext", Context.class),
                        type.getMethod("setFullRoute", String.class), type.getMethod("overrideSpanName", String.class));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                LOG.log(Level.FINE, "No " + ROUTE_STATE + " here: server spans are named by Span.updateName", e);
                return NONE;
            }
        }

        void set(String name, String route) {
            if (fromContext == null) {
                return;
            }
            try {
                Object state = fromContext.invoke(null, Context.current());
                if (state != null) {
                    setFullRoute.invoke(state, route);
                    overrideSpanName.invoke(state, name);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "The server span keeps the server's name", e);
            }
        }
    }
}
