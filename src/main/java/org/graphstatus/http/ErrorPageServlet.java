package org.graphstatus.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.UnknownSegment;

/**
 * The error page of the whole web application (see web.xml): what the servlet container answers on its
 * own (an unknown path outside the API, a failure before JAX-RS) also leaves in Graph's envelope instead of
 * an HTML page. Messages are fixed per status, so nothing of the server's internals reaches a client. A path
 * under {@code /beta} that leads nowhere is Graph's 400 naming the segment, as JAX-RS's own answer is
 * ({@link UnknownSegment}); elsewhere (the overview, the OpenAPI UI's files) a missing file stays a 404.
 */
@WebServlet("/odata-error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String path = path(request);
        String api = request.getContextPath() + "/beta/";
        if (status == 404 && path.startsWith(api)) {
            GraphError.write(request, response, 400, UnknownSegment.message(List.of(path.substring(api.length()).split("/", -1))));
            return;
        }
        String message = switch (status) {
            case 401 -> "Access token is missing or invalid.";
            case 404 -> "Resource not found for the segment '" + lastSegment(path) + "'.";
            case 405 -> "The HTTP method is not allowed on this resource.";
            default -> status < 500 ? "The request is invalid." : "The service hit an unexpected error.";
        };
        GraphError.write(request, response, status, message);
    }

    private static String path(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : "";
    }

    private static String lastSegment(String path) {
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.length() > 100 ? segment.substring(0, 100) : segment;
    }
}
