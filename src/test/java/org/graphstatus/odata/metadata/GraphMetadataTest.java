package org.graphstatus.odata.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.Test;

/** The service's $metadata: what the SDK's models say, what the generator writes, and valid CSDL. */
class GraphMetadataTest {

    static final GraphMetadata METADATA = GraphMetadata.BETA;

    @Test
    void everyTypeHasTheSdksPropertiesAndEdmTypes() {
        int checked = 0;
        for (EdmType type : METADATA.types().values()) {
            String name = type.name().substring("microsoft.graph.".length());
            if (type instanceof EdmType.Enum members) {
                assertEquals(SdkModels.members(SdkModels.model(name)), members.members(), name);
            } else if (type instanceof EdmType.Structured structured
                    && !name.equals("entity") && !MetadataGenerator.CONTAINERS.contains(name)) {
                Class<?> model = SdkModels.model(name);
                Map<String, String> sdk = SdkModels.declared(model).stream().filter(p -> !p.navigation()).collect(
                        Collectors.toMap(SdkModels.Property::name, p -> p.collection() ? "Collection(" + p.type() + ")" : p.type(),
                                (a, b) -> a, TreeMap::new));
                Map<String, String> ours = structured.declared().stream().collect(
                        Collectors.toMap(EdmProperty::name, EdmProperty::typeName, (a, b) -> a, TreeMap::new));
                assertEquals(sdk, ours, name);
                String base = SdkModels.isModel(model.getSuperclass())
                        ? "microsoft.graph." + SdkModels.graphName(model.getSuperclass()) : null;
                assertEquals(base, structured.baseType(), name);
            }
            checked++;
        }
        assertTrue(checked > 100, "types checked: " + checked);
    }

    @Test
    void theFileIsWhatTheGeneratorWrites() throws IOException {
        assumeTrue(Files.exists(GraphTypeDefinitions.DEFAULT), "npm ci in src/test/js (the build runs it before the tests)");
        String generated = new MetadataGenerator(new GraphTypeDefinitions(GraphTypeDefinitions.DEFAULT)).document();
        assertEquals(generated, METADATA.document(), "regenerate: CONTRIBUTING.md, \"The metadata\"");
    }

    @Test
    void theDerivedTypesPropertiesCarryNullabilityAndReadOnlyFlags() {
        var webApp = METADATA.structured("microsoft.graph.webApp").orElseThrow();
        assertEquals(new EdmProperty("appUrl", "Edm.String", false, true, false), webApp.declared().get(0));
        assertEquals(new EdmProperty("useManagedBrowser", "Edm.Boolean", false, false, false), webApp.declared().get(1));
        EdmProperty size = METADATA.properties("microsoft.graph.win32LobApp").stream()
                .filter(p -> p.name().equals("size")).findFirst().orElseThrow();
        assertTrue(size.computed() && !size.nullable() && size.type().equals("Edm.Int64"), size.toString());
        EdmProperty rules = METADATA.properties("microsoft.graph.win32LobApp").stream()
                .filter(p -> p.name().equals("rules")).findFirst().orElseThrow();
        assertEquals("Collection(microsoft.graph.win32LobAppRule)", rules.typeName());
        assertTrue(METADATA.derivesFrom("microsoft.graph.win32LobAppRegistryRule", "microsoft.graph.win32LobAppRule"));
        assertTrue(METADATA.enumType("microsoft.graph.windowsArchitecture").orElseThrow().flags());
        assertEquals(38, METADATA.concreteTypes("microsoft.graph.mobileApp").size());
    }

    /** Apache Olingo reads it and resolves every type it names: it is CSDL 4.0 a real OData library takes. */
    @Test
    void olingoReadsItAndResolvesEveryType() {
        Edm edm = ODataClientFactory.getClient().getReader()
                .readMetadata(new ByteArrayInputStream(METADATA.document().getBytes(StandardCharsets.UTF_8)));
        int properties = 0;
        for (var schema : edm.getSchemas()) {
            for (EdmStructuredType type : schema.getEntityTypes()) {
                properties += resolve(type);
            }
            for (EdmStructuredType type : schema.getComplexTypes()) {
                properties += resolve(type);
            }
        }
        assertTrue(properties > 500, "properties resolved: " + properties);
        var graph = "microsoft.graph";
        assertEquals("microsoft.graph.mobileApp",
                edm.getEntityType(new FullQualifiedName(graph, "webApp")).getBaseType().getFullQualifiedName().toString());
        assertTrue(edm.getEntityType(new FullQualifiedName(graph, "mobileApp")).isAbstract());
        assertTrue(edm.getEntityType(new FullQualifiedName(graph, "mobileApp")).getNavigationProperty("deviceStatuses").containsTarget());
        assertNotNull(edm.getEntityContainer().getSingleton("deviceAppManagement"));
        for (String action : MetadataGenerator.ACTIONS.keySet()) {
            assertNotNull(edm.getBoundAction(new FullQualifiedName(graph, action),
                    new FullQualifiedName(graph, "deviceManagementReports"), false), action);
        }
        assertFalse(edm.getEnumType(new FullQualifiedName(graph, "resultantAppState")).getMemberNames().isEmpty());
    }

    private static int resolve(EdmStructuredType type) {
        int count = 0;
        for (String name : type.getPropertyNames()) {
            assertNotNull(type.getStructuralProperty(name).getType(), type.getName() + "." + name);
            count++;
        }
        for (String name : type.getNavigationPropertyNames()) {
            assertNotNull(type.getNavigationProperty(name).getType(), type.getName() + "." + name);
        }
        return count;
    }
}
