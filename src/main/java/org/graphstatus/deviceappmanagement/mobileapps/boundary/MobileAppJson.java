package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileAppPublishingState;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.types.GraphType;
import org.graphstatus.odata.JsonValues;
import org.graphstatus.odata.metadata.EdmProperty;
import org.graphstatus.odata.metadata.EdmValues;
import org.graphstatus.odata.metadata.GraphMetadata;
import org.graphstatus.odata.options.QueryModel;

/**
 * The wire form of {@code microsoft.graph.mobileApp} and its derived types. {@code @odata.type} is required
 * and names a concrete derived type ({@link MobileAppTypes}); the base properties are read from the table
 * below, the derived type's own ones as the service's metadata declares them ({@link GraphMetadata}): a
 * property the type does not have, or a value not of its type, is a 400 naming it. Server-kept properties (the
 * two dates, the three app counts, {@code isAssigned}, and the derived ones the metadata marks read-only) are
 * type-checked and ignored in any body. An answer has every property of the app's type, {@code null}, the
 * type's default or {@code []} where unset. The two dates, kept as text, and a derived type's own properties,
 * kept as one JSON document, cannot be filtered or ordered on yet.
 */
public final class MobileAppJson {

    public static final GraphType<MobileApp> PROPERTIES = GraphType.of("microsoft.graph.mobileApp", MobileApp::getId, MobileApp::new)
            .string("displayName", MobileApp::getDisplayName, MobileApp::setDisplayName, MobileApp.TEXT)
            .string("description", MobileApp::getDescription, MobileApp::setDescription, MobileApp.LONG_TEXT)
            .string("publisher", MobileApp::getPublisher, MobileApp::setPublisher, MobileApp.TEXT)
            .other("largeIcon", MobileAppJson::largeIcon, (app, icon) -> app.setLargeIcon((String) icon),
                    app -> parsed(app.getLargeIcon()))
            .serverKept("createdDateTime", EntityBody::dateTimeOffset, text(MobileApp::getCreatedDateTime))
            .serverKept("lastModifiedDateTime", EntityBody::dateTimeOffset, text(MobileApp::getLastModifiedDateTime))
            .bool("isFeatured", MobileApp::isFeatured, MobileApp::setFeatured, false)
            .string("privacyInformationUrl", MobileApp::getPrivacyInformationUrl, MobileApp::setPrivacyInformationUrl,
                    MobileApp.TEXT)
            .string("informationUrl", MobileApp::getInformationUrl, MobileApp::setInformationUrl, MobileApp.TEXT)
            .string("owner", MobileApp::getOwner, MobileApp::setOwner, MobileApp.TEXT)
            .string("developer", MobileApp::getDeveloper, MobileApp::setDeveloper, MobileApp.TEXT)
            .string("notes", MobileApp::getNotes, MobileApp::setNotes, MobileApp.LONG_TEXT)
            .int32("uploadState", MobileApp::getUploadState, MobileApp::setUploadState, 0)
            .member("publishingState", MobileAppPublishingState.class, "microsoft.graph.mobileAppPublishingState",
                    MobileApp::getPublishingState, MobileApp::setPublishingState, MobileAppPublishingState.notPublished)
            .serverKept("isAssigned", EntityBody::bool, app -> JsonValue.FALSE)
            .other("roleScopeTagIds", MobileAppJson::roleScopeTagIds, (app, tags) -> app.setRoleScopeTagIds((String) tags),
                    app -> app.getRoleScopeTagIds() == null ? JsonValue.EMPTY_JSON_ARRAY : parsed(app.getRoleScopeTagIds()))
            .serverKept("dependentAppCount", EntityBody::int32, app -> JsonValues.PROVIDER.createValue(0))
            .serverKept("supersedingAppCount", EntityBody::int32, app -> JsonValues.PROVIDER.createValue(0))
            .serverKept("supersededAppCount", EntityBody::int32, app -> JsonValues.PROVIDER.createValue(0))
            .build();

    public static final Set<String> BASE_PROPERTIES = PROPERTIES.propertyNames();
    public static final QueryModel QUERY = PROPERTIES.query();

    private static final EdmValues VALUES = new EdmValues(GraphMetadata.BETA);
    private static final EdmProperty LARGE_ICON = GraphMetadata.BETA.properties(MobileAppTypes.BASE).stream()
            .filter(property -> property.name().equals("largeIcon")).findFirst().orElseThrow();

    /** Each concrete type's own properties, in the metadata's order, by the type's {@code #} name. */
    private static final Map<String, Map<String, EdmProperty>> DERIVED = MobileAppTypes.CONCRETE.stream()
            .collect(Collectors.toUnmodifiableMap(type -> type, type -> {
                Map<String, EdmProperty> own = new LinkedHashMap<>();
                GraphMetadata.BETA.properties(type.substring(1)).stream()
                        .filter(property -> !BASE_PROPERTIES.contains(property.name()))
                        .forEach(property -> own.put(property.name(), property));
                return Collections.unmodifiableMap(own);
            }));

    private MobileAppJson() {
    }

    public static MobileApp read(JsonObject json) {
        EntityBody body = EntityBody.ofAbstract(json, PROPERTIES.name());
        String type = MobileAppTypes.concrete(body.odataType());
        var app = new MobileApp();
        app.setOdataType(type);
        PROPERTIES.create(body, app);
        app.setDerivedProperties(derived(type, JsonValue.EMPTY_JSON_OBJECT, json));
        return app;
    }

    /**
     * The changes of a PATCH body to the app {@code id}: what it names, derived-type properties included.
     * The derived type, if named, must be the app's own: the type of an app cannot be changed.
     */
    public static Consumer<MobileApp> patch(JsonObject json, String id) {
        EntityBody body = EntityBody.ofAbstract(json, PROPERTIES.name());
        String type = body.odataType();
        Consumer<MobileApp> base = PROPERTIES.patch(body, id);
        return app -> {
            if (type != null && !type.equals(app.getOdataType())) {
                throw GraphException.badRequest("The @odata.type '" + type + "' does not match the app's type '"
                        + app.getOdataType() + "'; the type of an app cannot be changed.");
            }
            base.accept(app);
            app.setDerivedProperties(derived(app.getOdataType(), parsed(app.getDerivedProperties()).asJsonObject(), json));
        };
    }

    /** The app as Graph answers it: the base properties, then every one of its type's own, set or not. */
    public static JsonObjectBuilder write(MobileApp app) {
        JsonObjectBuilder json = PROPERTIES.write(app).add(EntityBody.ODATA_TYPE, app.getOdataType()); // keeps its place
        JsonObject kept = parsed(app.getDerivedProperties()).asJsonObject();
        DERIVED.getOrDefault(app.getOdataType(), Map.of()).values().forEach(property -> {
            JsonValue value = kept.get(property.name());
            json.add(property.name(), value == null ? VALUES.unset(property) : value);
        });
        return json;
    }

    /**
     * The derived type's own properties: {@code kept}, changed by those the body sends, each checked against
     * the metadata; read-only ones are checked and not kept.
     */
    private static String derived(String type, JsonObject kept, JsonObject body) {
        var derived = JsonValues.PROVIDER.createObjectBuilder(kept);
        Map<String, EdmProperty> own = DERIVED.get(type);
        body.forEach((name, value) -> {
            String named = EntityBody.propertyOf(name);
            if (!named.isEmpty() && !BASE_PROPERTIES.contains(named)) {
                EdmProperty property = own.get(named);
                if (property == null) {
                    throw GraphException.badRequest("The property '" + named + "' does not exist on type '"
                            + type.substring(1) + "'.");
                }
                if (!named.equals(name)) {
                    return; // an annotation of a property the type has
                }
                JsonValue checked = VALUES.read(type.substring(1), property, value);
                if (!property.computed()) {
                    derived.add(name, checked);
                }
            }
        });
        String json = derived.build().toString();
        if (json.length() > MobileApp.LARGE_JSON) {
            throw GraphException.badRequest("The properties of type '" + type.substring(1) + "' are longer than "
                    + MobileApp.LARGE_JSON + " characters.");
        }
        return json;
    }

    /**
     * A {@code mimeContent} object, checked as the metadata declares it. One with neither a type nor a value is
     * no icon: the Kiota SDKs send {@code {}} back for an icon a GET answered {@code null}.
     */
    private static Object largeIcon(EntityBody body, String name) {
        JsonValue icon = body.structured(name, ValueType.OBJECT, LARGE_ICON.type());
        if (icon == null) {
            return null;
        }
        JsonObject checked = VALUES.read(PROPERTIES.name(), LARGE_ICON, icon).asJsonObject();
        boolean empty = checked.entrySet().stream()
                .allMatch(entry -> entry.getKey().startsWith("@") || entry.getValue() == JsonValue.NULL);
        return empty ? null : kept(name, checked.toString(), MobileApp.LARGE_JSON);
    }

    private static Object roleScopeTagIds(EntityBody body, String name) {
        JsonValue tags = body.structured(name, ValueType.ARRAY, "Collection(Edm.String)");
        if (tags != null && !tags.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
            throw GraphException.badRequest("The property '" + name + "' must be a collection of Edm.String.");
        }
        return tags == null ? null : kept(name, tags.toString(), MobileApp.JSON);
    }

    /** JSON as it will be stored, within its column: what is stored is what is measured. */
    private static String kept(String name, String json, int maxLength) {
        if (json.length() > maxLength) {
            throw GraphException.badRequest("The property '" + name + "' is longer than " + maxLength + " characters.");
        }
        return json;
    }

    private static Function<MobileApp, JsonValue> text(Function<MobileApp, String> getter) {
        return app -> JsonValues.string(getter.apply(app));
    }

    private static JsonValue parsed(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (var reader = JsonValues.PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
