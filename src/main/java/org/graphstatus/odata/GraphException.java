package org.graphstatus.odata;

import jakarta.ws.rs.core.Response.Status;

/**
 * A client-visible failure with Graph's error code. Services throw it; {@link GraphExceptionMapper}
 * renders it as the Graph error envelope, so no caller ever sees a Java exception.
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final String code;

    public GraphException(int status, String code, String message) {
        super(message, null, false, false); // an answer to a client, not a fault: no stack trace to fill
        this.status = status;
        this.code = code;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(Status.BAD_REQUEST.getStatusCode(), "BadRequest", message);
    }

    public static GraphException notFound(String message) {
        return new GraphException(Status.NOT_FOUND.getStatusCode(), "ResourceNotFound", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
