package org.graphstatus.odata.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code src/main/resources/META-INF/metadata.xml}, the CSDL that {@code GET /beta/$metadata} serves and
 * from which bodies are checked: the types and properties come from the official beta SDK's models
 * ({@link SdkModels}), nullability and read-only flags from Graph's published type definitions
 * ({@link GraphTypeDefinitions}). What is written by hand here is what this service serves: which types, the
 * navigation properties it has routes for, and the report actions. Run it as CONTRIBUTING.md says after
 * upgrading either source; {@code GraphMetadataTest} fails until the file and the SDK agree.
 */
public final class MetadataGenerator {

    /** Graph's metadata marks these {@code Abstract="true"}; the SDK's classes cannot say so. */
    static final Set<String> ABSTRACT = Set.of("entity", "mobileApp", "mobileLobApp", "managedApp", "managedMobileLobApp");

    /**
     * Read-only in Graph's descriptions, yet set by the docs' own create and update examples and shown back in
     * their answers (GraphDocsExamplesIT replays them): here a client sets them.
     */
    static final Set<String> WRITABLE_HERE = Set.of("mobileApp.publishingState", "mobileApp.uploadState");

    /**
     * Made by this service and ignored in bodies, though Graph's descriptions do not call them read-only: a
     * user's counts are counted from its device statuses, an export job's state is the job's.
     */
    static final Set<String> SERVER_KEPT_HERE = Set.of("userAppInstallStatus.failedDeviceCount",
            "userAppInstallStatus.installedDeviceCount", "userAppInstallStatus.notInstalledDeviceCount",
            "deviceManagementExportJob.status", "deviceManagementExportJob.url",
            "deviceManagementExportJob.requestDateTime", "deviceManagementExportJob.expirationDateTime");

    /** The entity types this service serves, besides every concrete mobileApp type. */
    static final List<String> SERVED = List.of("mobileAppInstallStatus", "userAppInstallStatus", "mobileAppInstallSummary",
            "deviceManagementExportJob");

    /** The singletons' types: here they hold only the navigation this service serves. */
    static final List<String> CONTAINERS = List.of("deviceAppManagement", "deviceManagement", "deviceManagementReports");

    /**
     * The navigation properties this service has routes for, type by type: Graph beta dropped the install
     * status ones from mobileApp in 2023 (the last metadata that has them is in ../shared/graph), the rest are
     * Graph's current ones.
     */
    static final Map<String, List<String>> NAVIGATION = Map.of(
            "mobileApp", List.of(
                    nav("deviceStatuses", "Collection(microsoft.graph.mobileAppInstallStatus)", true),
                    nav("installSummary", "microsoft.graph.mobileAppInstallSummary", true),
                    nav("userStatuses", "Collection(microsoft.graph.userAppInstallStatus)", true)),
            "userAppInstallStatus", List.of(
                    nav("app", "microsoft.graph.mobileApp", false),
                    nav("deviceStatuses", "Collection(microsoft.graph.mobileAppInstallStatus)", true)),
            "mobileAppInstallStatus", List.of(nav("app", "microsoft.graph.mobileApp", false)),
            "deviceAppManagement", List.of(nav("mobileApps", "Collection(microsoft.graph.mobileApp)", true)),
            "deviceManagement", List.of(nav("reports", "microsoft.graph.deviceManagementReports", true)),
            "deviceManagementReports", List.of(nav("exportJobs", "Collection(microsoft.graph.deviceManagementExportJob)", true)));

    /**
     * The report actions, bound to deviceManagementReports, each with the parameters of the SDK's request body
     * of that name. The SDK no longer has getDeviceInstallStatusReport, whose body is the same as
     * getUserInstallStatusReport's (../shared/graph/REPORTS.md).
     */
    static final Map<String, String> ACTIONS = new TreeMap<>(Map.of(
            "getAppStatusOverviewReport", "getAppStatusOverviewReport",
            "getAppsInstallSummaryReport", "getAppsInstallSummaryReport",
            "getDeviceInstallStatusReport", "getUserInstallStatusReport",
            "getUserInstallStatusReport", "getUserInstallStatusReport",
            "retrieveDeviceAppInstallationStatusReport", "retrieveDeviceAppInstallationStatusReport"));

    private final GraphTypeDefinitions definitions;
    private final Map<String, Class<?>> entities = new TreeMap<>();
    private final Map<String, Class<?>> complexes = new TreeMap<>();
    private final Map<String, Class<?>> enums = new TreeMap<>();
    private final Set<String> flags = new TreeSet<>();
    private final List<String> unpublished = new ArrayList<>();

    MetadataGenerator(GraphTypeDefinitions definitions) {
        this.definitions = definitions;
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "src/main/resources/META-INF/metadata.xml");
        var generator = new MetadataGenerator(new GraphTypeDefinitions(GraphTypeDefinitions.DEFAULT));
        Files.writeString(target, generator.document());
        System.out.println("wrote " + target);
        generator.unpublished.forEach(name -> System.out.println("not in the type definitions, written nullable: " + name));
    }

    /** The CSDL document. */
    String document() {
        for (String type : SdkModels.discriminated(SdkModels.model("mobileApp"))) {
            addEntity(SdkModels.model(type));
        }
        SERVED.forEach(type -> addEntity(SdkModels.model(type)));
        var xml = new StringBuilder();
        xml.append("""
                <?xml version="1.0" encoding="utf-8"?>
                <!-- Generated by MetadataGenerator (src/test/java/org/graphstatus/odata/metadata) from the official beta SDK's
                     models and Graph's published type definitions; do not edit: CONTRIBUTING.md, "The metadata". Enum
                     members carry their position as Value: the JSON of Graph and of this service carries names. As in
                     Graph's own, Org.OData.Core.V1 terms are used without a Reference: tools need not fetch it. -->
                <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
                  <edmx:DataServices>
                    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                """);
        enums.forEach((name, type) -> {
            boolean isFlags = flags.contains(name);
            xml.append("      <EnumType Name=\"").append(name).append(isFlags ? "\" IsFlags=\"true\">\n" : "\">\n");
            List<String> members = SdkModels.members(type);
            for (int i = 0; i < members.size(); i++) {
                long value = isFlags ? 1L << i : i;
                xml.append("        <Member Name=\"").append(members.get(i)).append("\" Value=\"").append(value).append("\"/>\n");
            }
            xml.append("      </EnumType>\n");
        });
        xml.append("""
                      <EntityType Name="entity" Abstract="true">
                        <Key><PropertyRef Name="id"/></Key>
                        <Property Name="id" Type="Edm.String" Nullable="false"/>
                      </EntityType>
                """);
        entities.forEach((name, model) -> structured(xml, "EntityType", name, model));
        for (String container : CONTAINERS) {
            structured(xml, "EntityType", container, null);
        }
        complexes.forEach((name, model) -> structured(xml, "ComplexType", name, model));
        ACTIONS.forEach((action, body) -> action(xml, action, body));
        xml.append("""
                      <EntityContainer Name="GraphService">
                        <Singleton Name="deviceAppManagement" Type="microsoft.graph.deviceAppManagement"/>
                        <Singleton Name="deviceManagement" Type="microsoft.graph.deviceManagement"/>
                      </EntityContainer>
                    </Schema>
                  </edmx:DataServices>
                </edmx:Edmx>
                """);
        return xml.toString();
    }

    private void addEntity(Class<?> model) {
        for (Class<?> at = model; SdkModels.isModel(at); at = at.getSuperclass()) {
            String name = SdkModels.graphName(at);
            if (name.equals("entity") || entities.putIfAbsent(name, at) != null) {
                return;
            }
            SdkModels.declared(at).stream().filter(p -> !p.navigation()).forEach(this::reach);
        }
    }

    /** Adds the complex or enum type a property names, and what that one reaches in turn. */
    private void reach(SdkModels.Property property) {
        Class<?> target = property.target();
        if (target.isEnum() && property.type().startsWith("microsoft.graph.")) {
            enums.put(SdkModels.graphName(target), target);
            if (property.flags()) {
                flags.add(SdkModels.graphName(target));
            }
        } else if (SdkModels.isModel(target)) {
            Deque<Class<?>> pending = new ArrayDeque<>(List.of(target));
            while (!pending.isEmpty()) {
                Class<?> complex = pending.pop();
                if (complexes.putIfAbsent(SdkModels.graphName(complex), complex) != null) {
                    continue;
                }
                if (SdkModels.isModel(complex.getSuperclass())) {
                    pending.push(complex.getSuperclass());
                }
                for (String derived : SdkModels.discriminated(complex)) {
                    Class<?> model = SdkModels.model(derived);
                    if (model.getSuperclass() == complex) {
                        pending.push(model);
                    }
                }
                SdkModels.declared(complex).forEach(this::reach);
            }
        }
    }

    private void structured(StringBuilder xml, String kind, String name, Class<?> model) {
        String base = model == null || kind.equals("EntityType") && !SdkModels.isModel(model.getSuperclass())
                ? (kind.equals("EntityType") ? "entity" : null)
                : SdkModels.isModel(model.getSuperclass()) ? SdkModels.graphName(model.getSuperclass()) : null;
        xml.append("      <").append(kind).append(" Name=\"").append(name).append('"');
        if (base != null) {
            xml.append(" BaseType=\"microsoft.graph.").append(base).append('"');
        }
        if (ABSTRACT.contains(name)) {
            xml.append(" Abstract=\"true\"");
        }
        xml.append(">\n");
        if (model != null) {
            for (SdkModels.Property property : SdkModels.declared(model)) {
                if (!property.navigation()) {
                    property(xml, name, property);
                }
            }
        }
        NAVIGATION.getOrDefault(name, List.of()).forEach(xml::append);
        xml.append("      </").append(kind).append(">\n");
    }

    private void property(StringBuilder xml, String type, SdkModels.Property property) {
        GraphTypeDefinitions.Definition definition = definitions.of(type, property.name());
        if (definition == null) {
            unpublished.add(type + "." + property.name());
            definition = new GraphTypeDefinitions.Definition(true, false);
        }
        xml.append("        <Property Name=\"").append(property.name()).append("\" Type=\"")
                .append(qualified(property.type(), property.collection())).append('"');
        if (!property.collection() && !definition.nullable()) {
            xml.append(" Nullable=\"false\"");
        }
        String qualified = type + "." + property.name();
        if (definition.readOnly() && !WRITABLE_HERE.contains(qualified) || SERVER_KEPT_HERE.contains(qualified)) {
            xml.append(">\n          <Annotation Term=\"Org.OData.Core.V1.Computed\" Bool=\"true\"/>\n        </Property>\n");
        } else {
            xml.append("/>\n");
        }
    }

    private void action(StringBuilder xml, String action, String body) {
        String folder = body.toLowerCase();
        String bodyClass = "com.microsoft.graph.beta.devicemanagement.reports." + folder + "."
                + Character.toUpperCase(body.charAt(0)) + body.substring(1) + "PostRequestBody";
        Class<?> model;
        try {
            model = Class.forName(bodyClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the SDK has no " + bodyClass, e);
        }
        xml.append("      <Action Name=\"").append(action).append("\" IsBound=\"true\">\n")
                .append("        <Parameter Name=\"bindingParameter\" Type=\"microsoft.graph.deviceManagementReports\"/>\n");
        for (SdkModels.Property parameter : SdkModels.declared(model)) {
            xml.append("        <Parameter Name=\"").append(parameter.name()).append("\" Type=\"")
                    .append(qualified(parameter.type(), parameter.collection())).append("\"/>\n");
        }
        xml.append("        <ReturnType Type=\"Edm.Stream\"/>\n      </Action>\n");
    }

    private static String nav(String name, String type, boolean contained) {
        return "        <NavigationProperty Name=\"" + name + "\" Type=\"" + type + "\""
                + (contained ? " ContainsTarget=\"true\"" : "") + "/>\n";
    }

    private static String qualified(String type, boolean collection) {
        return collection ? "Collection(" + type + ")" : type;
    }
}
