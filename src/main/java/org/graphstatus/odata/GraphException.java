package org.graphstatus.odata;

/**
 * A client-visible failure: an HTTP status, Graph's code for it ({@link GraphError#codeFor}) and a message.
 * Services throw it; {@code http.GraphExceptionMapper} renders it as the Graph error envelope, so no caller ever
 * sees a Java exception. One factory per kind of answer.
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final Integer retryAfterSeconds;

    private GraphException(int status, String message, Integer retryAfterSeconds) {
        super(message, null, false, false); // an answer to a client, not a fault: no stack trace to fill
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, message, null);
    }

    /** The token is valid but lacks the permission; the message names the one needed. */
    public static GraphException forbidden(String message) {
        return new GraphException(403, message, null);
    }

    public static GraphException notFound(String message) {
        return new GraphException(404, message, null);
    }

    /** Another request changed the same resources at the same time; the client reads again and retries. */
    public static GraphException conflict(String message) {
        return new GraphException(409, message, null);
    }

    public static GraphException tooLarge(String message) {
        return new GraphException(413, message, null);
    }

    public static GraphException unsupportedMediaType(String message) {
        return new GraphException(415, message, null);
    }

    /** The caller has spent a throttling limit; {@code Retry-After} says when its window ends. */
    public static GraphException tooManyRequests(String message, int retryAfterSeconds) {
        return new GraphException(429, message, retryAfterSeconds);
    }

    /** The service cannot answer now; {@code Retry-After} tells the client when to try again. */
    public static GraphException unavailable(String message, int retryAfterSeconds) {
        return new GraphException(503, message, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return GraphError.codeFor(status);
    }

    /** Seconds for the {@code Retry-After} header, or null for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
