package org.graphstatus.odata;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the whole web application (see web.xml): what the servlet container answers on its
 * own (an unknown path outside the API, a failure before JAX-RS) also leaves in Graph's envelope instead of
 * an HTML page. Messages are fixed per status, so nothing of the server's internals reaches a client.
 */
@WebServlet("/odata-error")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String message = switch (status) {
            case 401 -> "Access token is missing or invalid.";
            case 404 -> "Resource not found for the segment '" + lastSegment(request) + "'.";
            case 405 -> "The HTTP method is not allowed on this resource.";
            default -> status < 500 ? "The request is invalid." : "The service hit an unexpected error.";
        };
        GraphError.write(request, response, status, message);
    }

    private static String lastSegment(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : "";
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.length() > 100 ? segment.substring(0, 100) : segment;
    }
}
