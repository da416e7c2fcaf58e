package org.graphstatus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP into the deployed service, as a Graph SDK would call it: JSON bodies, bearer tokens, and a fresh
 * parent for each test so that tests never depend on each other's data.
 */
public final class GraphClient {

    public static final String APPS = Routes.APPS;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI root;
    private final URI beta;
    private final String token;
    private final HttpClient http;
    private final Map<String, String> headers;

    /** A client of the deployment that calls with a read-write delegated token. */
    public GraphClient(URL deployment) {
        this(URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/"), HTTP);
    }

    /** The same for the service at {@code root} (ending in /), over {@code http}, e.g. one that trusts a test's TLS. */
    public GraphClient(URI root, HttpClient http) {
        this(root, Tokens.delegated(Tokens.READ_WRITE), http, Map.of());
    }

    private GraphClient(URI root, String token, HttpClient http, Map<String, String> headers) {
        this.root = root;
        this.beta = root.resolve("beta/");
        this.token = token;
        this.http = http;
        this.headers = headers;
    }

    /** The same client calling as another caller: with {@code token}, or with none when it is null. */
    public GraphClient as(String token) {
        return new GraphClient(root, token, http, headers);
    }

    /** The same client sending {@code headers} with every request, e.g. a proxy's, forged. */
    public GraphClient with(Map<String, String> headers) {
        return new GraphClient(root, token, http, headers);
    }

    /** An absolute URI for a path under {@code /beta}, e.g. {@code deviceAppManagement/mobileApps}. */
    public URI uri(String path) {
        return beta.resolve(path);
    }

    /** An absolute URI for a path under the server root, outside the API. */
    public URI rootUri(String path) {
        return root.resolve(path);
    }

    public Answer post(String path, String json) {
        return send(http, request(uri(path)).POST(BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    public Answer get(String path) {
        return send(http, request(uri(path)).GET());
    }

    /** A request built by the caller, e.g. with headers of its choosing, over this client's connection. */
    public Answer call(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** A request with this client's token and headers. */
    public HttpRequest.Builder request(URI uri) {
        var request = request(uri, token);
        headers.forEach(request::header);
        return request;
    }

    /** Every entity of a collection, page after page by {@code @odata.nextLink}. */
    public List<JsonObject> all(String path) {
        List<JsonObject> all = new ArrayList<>();
        Answer page = get(path);
        while (true) {
            assertEquals(200, page.status(), page.body());
            all.addAll(page.json().getJsonArray("value").getValuesAs(JsonObject.class));
            if (!page.json().containsKey("@odata.nextLink")) {
                return all;
            }
            page = send(http, request(URI.create(page.json().getString("@odata.nextLink"))).GET());
        }
    }

    public Answer patch(String path, String json) {
        return send(http, request(uri(path)).method("PATCH", BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    public Answer delete(String path) {
        return send(http, request(uri(path)).DELETE());
    }

    /** A request with the caller's own token (or none when {@code token} is null). */
    public static HttpRequest.Builder request(URI uri, String token) {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    public static Answer send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    private static Answer send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new web app; returns its id. */
    public String newApp() {
        Answer created = post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"Test app\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    /** A new user status of the app; returns its id. */
    public String newUserStatus(String appId) {
        Answer created = post(Routes.userStatuses(appId), "{\"userName\":\"Test user\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    /** What came back. */
    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.readObject();
            }
        }

        /** The Graph error of an error answer: {@code error.code}. */
        public String errorCode() {
            return json().getJsonObject("error").getString("code");
        }

        public String errorMessage() {
            return json().getJsonObject("error").getString("message");
        }
    }
}
