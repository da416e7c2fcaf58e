package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.graphstatus.DocsComparison.KnownDifference;
import org.graphstatus.odata.metadata.GraphMetadata;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graph's own docs examples, replayed: each file in {@code src/test/resources/graph-docs} holds one example's
 * request and response as Graph's docs publish them (its page named in {@code source}). The docs' placeholder
 * ids are replaced by objects this test creates first with the docs' create examples; the answer must have the
 * docs' status and every property of the docs' body with an equal value, but for keys, server-made dates and
 * the differences declared in {@link #KNOWN}, whose real values are asserted instead; and it must have exactly the
 * properties of its type, which makes it equal to the docs' body as a whole where that example is complete.
 */
class GraphDocsExamplesIT extends DeployedService {

    /** Where this service answers differently from the docs' example, and why; each value is asserted. */
    static final List<KnownDifference> KNOWN = List.of(
            // A user's three counts are counted from the user's device statuses on every read (docs/contract.md, "The
            // contract"), so the counts a create sends are ignored; the docs' user has no device statuses here.
            new KnownDifference("microsoft.graph.userAppInstallStatus", "installedDeviceCount", Json.createValue(0),
                    "counted from the user's device statuses, and there are none"),
            new KnownDifference("microsoft.graph.userAppInstallStatus", "failedDeviceCount", Json.createValue(0),
                    "counted from the user's device statuses, and there are none"),
            new KnownDifference("microsoft.graph.userAppInstallStatus", "notInstalledDeviceCount", Json.createValue(0),
                    "counted from the user's device statuses, and there are none"),
            // isAssigned says whether the app is assigned to a group (mobileAppAssignment); Graph's mobileApp page
            // calls it read-only. This service keeps no assignments, so every app answers false; the docs' true
            // is the docs generator's sample value for a Boolean.
            new KnownDifference("microsoft.graph.webApp", "isAssigned", JsonValue.FALSE,
                    "apps are never assigned here: there are no assignments"),
            // dependentAppCount (read-only on Graph's mobileApp page) counts the app's dependencies, relationships
            // (mobileAppDependency) this service does not keep, so it is always 0; the docs' 1 is a sample value.
            new KnownDifference("microsoft.graph.webApp", "dependentAppCount", Json.createValue(0),
                    "apps have no dependencies here: relationships are not kept"));

    /** The docs' create example for the objects each collection holds, used to make what a placeholder names. */
    static final Map<String, String> CREATE_EXAMPLE = Map.of(
            "mobileApps", "webapp-create",
            "userStatuses", "userappinstallstatus-create",
            "deviceStatuses", "mobileappinstallstatus-create");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+Id}");
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void answersAsTheDocsShow(String example) {
        JsonObject fixture = read(example);
        JsonObject request = fixture.getJsonObject("request");
        JsonObject response = fixture.getJsonObject("response");
        List<String> created = new ArrayList<>();
        String path = resolve(request.getString("path"), created);
        JsonObject docs = response.getJsonObject("body");
        boolean list = docs.get("value") instanceof JsonArray;
        if (list) {
            created.add(create(path)); // the object the docs' list shows
        }

        Answer answer = send(request.getString("method"), path, request.getJsonObject("body"));

        assertEquals(response.getInt("status"), answer.status(), example + " answered " + answer.body());
        var comparison = new DocsComparison(KNOWN);
        List<String> differences = new ArrayList<>();
        String shown = answer.body();
        if (list) {
            differences.addAll(comparison.differences(without(docs, "value"), without(answer.json(), "value")));
            List<JsonObject> items = graph.all(path);
            if (!path.equals("deviceAppManagement/mobileApps")) {
                // the tenant's apps include other examples' apps; every other collection hangs off an app this
                // example made, so it holds exactly the docs' items
                assertEquals(docs.getJsonArray("value").size(), items.size(), example + ": " + items);
            }
            JsonObject ours = items.stream().filter(item -> item.getString("id").equals(created.get(created.size() - 1)))
                    .findFirst().orElseThrow(() -> new AssertionError(example + ": the created object is not listed"));
            differences.addAll(comparison.differences(docs.getJsonArray("value").get(0), ours));
            differences.addAll(wholeBody(docs.getJsonArray("value").getJsonObject(0), ours));
            shown = ours.toString(); // the page may hold many other objects
        } else {
            // The docs' get examples wrap the entity in {"value": {...}}, which is not OData's form of a single
            // entity (the entity's own properties at the top level, as the create and update examples show)
            // and not what Graph answers; the entity inside is what is compared.
            JsonObject entity = docs.get("value") instanceof JsonObject wrapped ? wrapped : docs;
            String id = answer.json().getString("id", null);
            if (request.getString("method").equals("POST")) {
                assertTrue(id != null && GUID.matcher(id).matches(), example + ": id " + id + " is not a GUID");
            } else {
                assertEquals(created.get(created.size() - 1), id, example + ": the id of the object asked for");
            }
            differences.addAll(comparison.differences(entity, answer.json()));
            differences.addAll(wholeBody(entity, answer.json()));
        }
        assertEquals(List.of(), differences, example + " differs from the docs; the answer was " + shown);
    }

    /**
     * Graph writes every structural property of an entity's type, null where unset: the answer has exactly the
     * properties $metadata gives its type. Where the docs' example has them all too (the status examples; the
     * webApp ones predate supersedence's two counts), the two bodies have the same properties, so with the
     * values compared above they are equal as wholes.
     */
    private static List<String> wholeBody(JsonObject docs, JsonObject answer) {
        Set<String> structural = new TreeSet<>();
        GraphMetadata.BETA.properties(answer.getString("@odata.type").substring(1)).forEach(p -> structural.add(p.name()));
        Set<String> answered = properties(answer);
        List<String> differences = new ArrayList<>();
        if (!answered.equals(structural)) {
            differences.add("answered " + answered + ", the type has " + structural);
        }
        Set<String> shown = properties(docs);
        if (shown.containsAll(structural) && !shown.equals(answered)) {
            differences.add("a complete example with " + shown + ", answered " + answered);
        }
        return differences;
    }

    private static Set<String> properties(JsonObject entity) {
        Set<String> names = new TreeSet<>(entity.keySet());
        names.removeIf(name -> name.startsWith("@"));
        return names;
    }

    /**
     * Replaces each placeholder id with the id of a new object, made by posting the docs' create example of
     * that collection to the path so far; {@code created} receives the ids in order.
     */
    private String resolve(String path, List<String> created) {
        Matcher placeholder = PLACEHOLDER.matcher(path);
        var resolved = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(resolved, "");
            String collection = resolved.substring(0, resolved.length() - 1); // without its trailing slash
            String id = create(collection);
            created.add(id);
            resolved.append(id);
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    /** Posts the docs' create example of the collection's objects to it; returns the new object's id. */
    private String create(String collection) {
        String[] segments = collection.replaceFirst("/$", "").split("/");
        JsonObject example = read(CREATE_EXAMPLE.get(segments[segments.length - 1])).getJsonObject("request");
        Answer answer = graph.post(collection, example.getJsonObject("body").toString());
        assertEquals(201, answer.status(), "creating what the example needs in " + collection + ": " + answer.body());
        return answer.json().getString("id");
    }

    private Answer send(String method, String path, JsonObject body) {
        return switch (method) {
            case "GET" -> graph.get(path);
            case "POST" -> graph.post(path, body.toString());
            case "PATCH" -> graph.patch(path, body.toString());
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static JsonObject without(JsonObject object, String name) {
        return Json.createObjectBuilder(object).remove(name).build();
    }

    private static JsonObject read(String example) {
        try (var reader = Json.createReader(Files.newBufferedReader(directory().resolve(example + ".json")))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        try {
            return Path.of(GraphDocsExamplesIT.class.getResource("/graph-docs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
