package org.graphstatus.odata.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.junit.jupiter.api.Test;

/** {@code GET /beta/$metadata} on the deployed service: public, valid for a real OData client, and as /openapi says. */
class MetadataIT extends DeployedService {

    @Test
    void servedWithoutATokenWithAnETag() {
        Answer answer = GraphClient.send(GraphClient.request(graph.uri("$metadata"), null).GET());

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/xml"), answer.header("Content-Type"));
        assertEquals("4.0", answer.header("OData-Version"));
        assertEquals(GraphMetadata.BETA.document(), answer.body());
        String tag = answer.header("ETag");
        assertNotNull(tag);
        Answer again = GraphClient.send(GraphClient.request(graph.uri("$metadata"), null).header("If-None-Match", tag).GET());
        assertEquals(304, again.status());
    }

    /** Where an answer's {@code @odata.context} points, the document is: an OData tool can follow it. */
    @Test
    void everyAnswersContextLeadsToIt() {
        String context = graph.get("deviceAppManagement/mobileApps/" + graph.newApp()).json().getString("@odata.context");
        String document = context.substring(0, context.indexOf('#'));
        assertEquals(graph.uri("$metadata").toString(), document);
        assertEquals(200, GraphClient.send(GraphClient.request(java.net.URI.create(document), null).GET()).status());
    }

    /** Apache Olingo's client fetches it from the service root, as OData tools do, and reads the types. */
    @Test
    void olingoReadsItFromTheServiceRoot() {
        var client = ODataClientFactory.getClient();
        String root = graph.uri("").toString().replaceFirst("/$", "");
        Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(root).execute().getBody();

        var webApp = edm.getEntityType(new FullQualifiedName("microsoft.graph", "webApp"));
        assertEquals("Edm.String", webApp.getStructuralProperty("appUrl").getType().getFullQualifiedName().toString());
        assertEquals("microsoft.graph.mobileAppInstallStatus", edm.getEntityType(new FullQualifiedName("microsoft.graph",
                "mobileApp")).getNavigationProperty("deviceStatuses").getType().getFullQualifiedName().toString());
    }

    /**
     * The two documents cannot drift: each schema of /openapi that is a Graph type has the metadata's properties,
     * types, nullability and read-only flags, and each path of /openapi under /beta is a way through the
     * metadata's singletons, navigation properties and actions.
     */
    @Test
    void agreesWithTheOpenApiDocument() {
        JsonObject contract = GraphClient.send(GraphClient.request(graph.rootUri("openapi"), null).GET()).json();
        JsonObject schemas = contract.getJsonObject("components").getJsonObject("schemas");
        GraphMetadata metadata = GraphMetadata.parse(graph.get("$metadata").body());
        List<String> differences = new ArrayList<>();
        for (String type : List.of("mobileApp", "mobileAppInstallStatus", "userAppInstallStatus", "mobileAppInstallSummary",
                "deviceManagementExportJob")) {
            JsonObject properties = schemas.getJsonObject(type).getJsonObject("properties");
            Map<String, EdmProperty> declared = new TreeMap<>();
            metadata.properties("microsoft.graph." + type).forEach(p -> declared.put(p.name(), p));
            Set<String> documented = new HashSet<>(properties.keySet());
            documented.removeIf(name -> name.startsWith("@"));
            if (!documented.equals(declared.keySet())) {
                differences.add(type + ": /openapi has " + new java.util.TreeSet<>(documented) + ", $metadata "
                        + declared.keySet());
                continue;
            }
            declared.forEach((name, property) -> {
                String difference = difference(metadata, schemas, properties.getJsonObject(name), property);
                if (difference != null) {
                    differences.add(type + "." + name + ": " + difference);
                }
            });
        }
        for (String path : contract.getJsonObject("paths").keySet()) {
            if (path.startsWith("/beta/") && !path.matches("/beta/\\$(batch|metadata)")) {
                String unresolved = unresolved(metadata, path.substring("/beta/".length()));
                if (unresolved != null) {
                    differences.add(path + ": " + unresolved);
                }
            }
        }
        assertEquals(List.of(), differences);
    }

    /** What the OpenAPI schema of a property says otherwise than the metadata; null when they agree. */
    private static String difference(GraphMetadata metadata, JsonObject schemas, JsonObject schema, EdmProperty property) {
        if (schema.containsKey("allOf")) { // a $ref to an enum's schema, with a description beside it
            String ref = schema.getJsonArray("allOf").getJsonObject(0).getString("$ref");
            schema = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        boolean readOnly = schema.getBoolean("readOnly", false);
        if (!property.name().equals("id") && readOnly != property.computed()) {
            return "readOnly " + readOnly + ", Computed " + property.computed();
        }
        if (!property.collection() && !property.name().equals("id") && schema.getBoolean("nullable", false) != property.nullable()) {
            return "nullable " + schema.getBoolean("nullable", false) + ", Nullable " + property.nullable();
        }
        String type = schema.getString("type", "");
        if (property.collection()) {
            return type.equals("array") ? null : "type " + type + " for " + property.typeName();
        }
        var enumType = metadata.enumType(property.type());
        if (enumType.isPresent()) {
            List<String> members = schema.getJsonArray("enum").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            return enumType.get().members().containsAll(members) ? null : "members " + members + " not in " + enumType.get().members();
        }
        String expected = switch (property.type()) {
            case "Edm.String" -> "string";
            case "Edm.DateTimeOffset" -> "string/date-time";
            case "Edm.Int32" -> "integer/int32";
            case "Edm.Boolean" -> "boolean";
            default -> metadata.structured(property.type()).isPresent() ? "object" : property.type();
        };
        String documented = schema.containsKey("format") && !schema.getString("format").equals("uuid")
                ? type + "/" + schema.getString("format") : type;
        if (expected.equals("object") && documented.equals("object")) {
            Set<String> complex = new HashSet<>();
            metadata.properties(property.type()).forEach(p -> complex.add(p.name()));
            return complex.equals(schema.getJsonObject("properties").keySet()) ? null
                    : "properties " + schema.getJsonObject("properties").keySet() + " for " + complex;
        }
        return expected.equals(documented) ? null : "type " + documented + " for " + property.typeName();
    }

    /** Follows a path from the container; what could not be followed, or null. */
    private static String unresolved(GraphMetadata metadata, String path) {
        String[] segments = path.split("/");
        String type = metadata.singletons().get(segments[0]);
        if (type == null) {
            return "no singleton " + segments[0];
        }
        boolean collection = false;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (collection && (segment.startsWith("{") || segment.equals("$count"))) {
                collection = segment.equals("$count");
                continue;
            }
            var navigation = metadata.navigation(type, segment);
            if (navigation.isEmpty()) {
                return i == segments.length - 1 && metadata.boundActions(type).contains(segment) ? null
                        : "no navigation or action " + segment + " on " + type;
            }
            collection = navigation.get().collection();
            type = navigation.get().type();
        }
        return null;
    }
}
