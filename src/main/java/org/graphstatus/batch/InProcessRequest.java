package org.graphstatus.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.GenericType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.internal.util.collection.Ref;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;

/**
 * Runs one request of a batch through the application's own JAX-RS pipeline, in process: the same routes,
 * filters (permissions, throttling, metrics), body readers, validation and exception mappers as the request
 * sent alone, and the headers the servlet filters stamp on every answer. What it does not pass again is the
 * bearer mechanism: the batch's verified caller is every request's, as in Graph.
 */
@ApplicationScoped
public class InProcessRequest {

    /** How Jersey's servlet container hands the servlet request to {@code @Context HttpServletRequest}. */
    private static final Type SERVLET_REQUEST = new GenericType<Ref<HttpServletRequest>>() { }.getType();

    /**
     * The answer of {@code part} for {@code caller}, in a request context of its own, as a request alone has:
     * request-scoped beans are never shared between the requests of a batch. Must run on a thread with no
     * request context of its own (BatchDispatch's), or it would share the batch's.
     */
    @ActivateRequestContext
    JsonObject answer(Part part, Caller caller) throws InterruptedException {
        ApplicationHandler jersey = JerseyHandler.get();
        var servletRequest = PartRequest.of(part, caller);
        var request = new ContainerRequest(caller.base(), URI.create(caller.base() + part.url()), part.method(),
                caller, new MapPropertiesDelegate(), jersey.getConfiguration());
        servletRequest.headers().forEach(request::header);
        byte[] body = part.bodyBytes();
        if (body != null) {
            request.header("Content-Length", body.length);
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        request.setRequestScopedInitializer(injection ->
                injection.<Ref<HttpServletRequest>>getInstance(SERVLET_REQUEST).set(servletRequest));
        var entity = new ByteArrayOutputStream();
        ContainerResponse response;
        try {
            response = jersey.apply(request, entity).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Jersey did not answer batch request '" + part.id() + "'", e.getCause());
        }
        Map<String, List<String>> answered = new LinkedHashMap<>(servletRequest.stampedHeaders());
        answered.putAll(response.getStringHeaders());
        return BatchResponses.answer(part.id(), response.getStatus(), answered, entity.toByteArray());
    }
}
