package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.StringReader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileAppPublishingState;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.types.GraphType;
import org.graphstatus.odata.JsonValues;
import org.graphstatus.odata.options.QueryModel;

/**
 * The wire form of {@code microsoft.graph.mobileApp} and its derived types. {@code @odata.type} is required
 * and names a concrete derived type ({@link MobileAppTypes}); the base properties of the metadata are read
 * strictly from the table below, every other property belongs to the derived type and is kept as it came.
 * Server-kept properties (the two dates, the three app counts, {@code isAssigned}) are type-checked and
 * ignored in any body. The two dates, kept as text, and a derived type's own properties, kept as one JSON
 * document, cannot be filtered or ordered on yet.
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

    private MobileAppJson() {
    }

    public static MobileApp read(JsonObject json) {
        EntityBody body = EntityBody.ofAbstract(json, PROPERTIES.name());
        String type = MobileAppTypes.concrete(body.odataType());
        var app = new MobileApp();
        app.setOdataType(type);
        PROPERTIES.create(body, app);
        app.setDerivedProperties(derived(type, MobileAppTypes.defaults(type), json));
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

    public static JsonObjectBuilder write(MobileApp app) {
        JsonObjectBuilder json = PROPERTIES.write(app).add(EntityBody.ODATA_TYPE, app.getOdataType()); // keeps its place
        parsed(app.getDerivedProperties()).asJsonObject().forEach(json::add);
        return json;
    }

    /** The derived type's own properties: {@code kept}, changed by those the body sends. */
    private static String derived(String type, JsonObject kept, JsonObject body) {
        var derived = JsonValues.PROVIDER.createObjectBuilder(kept);
        body.forEach((name, value) -> {
            if (!name.startsWith("@") && !BASE_PROPERTIES.contains(name)) {
                JsonValue fallback = MobileAppTypes.defaults(type).get(name);
                if (fallback != null && value.getValueType() != fallback.getValueType()
                        && !(isBoolean(fallback) && isBoolean(value))) { // the defaults are all Edm.Boolean
                    throw GraphException.badRequest("The property '" + name + "' of type '" + type.substring(1)
                            + (value == JsonValue.NULL ? "' cannot be null." : "' must be an Edm.Boolean."));
                }
                derived.add(name, value);
            }
        });
        String json = derived.build().toString();
        if (json.length() > MobileApp.LARGE_JSON) {
            throw GraphException.badRequest("The properties of type '" + type.substring(1) + "' are longer than "
                    + MobileApp.LARGE_JSON + " characters.");
        }
        return json;
    }

    private static boolean isBoolean(JsonValue value) {
        return value.getValueType() == ValueType.TRUE || value.getValueType() == ValueType.FALSE;
    }

    /** A {@code mimeContent} object, kept as the JSON it came as. */
    private static Object largeIcon(EntityBody body, String name) {
        JsonValue icon = body.structured(name, ValueType.OBJECT, "microsoft.graph.mimeContent");
        return icon == null ? null : kept(name, icon.toString(), MobileApp.LARGE_JSON);
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
