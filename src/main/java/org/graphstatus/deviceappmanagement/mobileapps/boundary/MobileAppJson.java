package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileAppPublishingState;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.Json;
import org.graphstatus.odata.options.QueryModel;
import org.graphstatus.odata.options.QueryProperty;

/**
 * The wire form of {@code microsoft.graph.mobileApp} and its derived types. {@code @odata.type} is required
 * and names the derived type; the base properties of the metadata are read strictly, every other property
 * belongs to the derived type and is kept as it came. Server-kept properties ({@code id}, the two dates,
 * the three app counts, {@code isAssigned}) are type-checked and ignored in a create body.
 */
public final class MobileAppJson {

    private static final Pattern DERIVED_TYPE = Pattern.compile("#microsoft\\.graph\\.[A-Za-z][A-Za-z0-9]{0,100}");
    private static final String ABSTRACT_TYPE = "#microsoft.graph.mobileApp";
    private static final List<String> SERVER_KEPT_COUNTS = List.of("dependentAppCount", "supersededAppCount",
            "supersedingAppCount");
    public static final Set<String> BASE_PROPERTIES = Set.of("id", "createdDateTime", "lastModifiedDateTime",
            "dependentAppCount", "supersededAppCount", "supersedingAppCount", "isAssigned", "displayName",
            "description", "publisher", "developer", "owner", "notes", "informationUrl", "privacyInformationUrl",
            "isFeatured", "largeIcon", "publishingState", "roleScopeTagIds", "uploadState");

    /**
     * The base properties that are columns can be filtered and ordered on; the two dates, kept as text,
     * cannot yet, nor can a derived type's own properties, which are kept as one JSON document.
     */
    public static final QueryModel QUERY = new QueryModel("microsoft.graph.mobileApp", List.of(
            QueryProperty.string("displayName", "displayName", true),
            QueryProperty.string("description", "description", true),
            QueryProperty.string("publisher", "publisher", true),
            QueryProperty.string("developer", "developer", true),
            QueryProperty.string("owner", "owner", true),
            QueryProperty.string("notes", "notes", true),
            QueryProperty.string("informationUrl", "informationUrl", true),
            QueryProperty.string("privacyInformationUrl", "privacyInformationUrl", true),
            QueryProperty.bool("isFeatured", "featured"),
            QueryProperty.int32("uploadState", "uploadState", false),
            QueryProperty.member("publishingState", "publishingState", MobileAppPublishingState.class,
                    "microsoft.graph.mobileAppPublishingState")));

    private static final Map<String, BiConsumer<MobileApp, String>> TEXTS = Map.of(
            "displayName", MobileApp::setDisplayName,
            "publisher", MobileApp::setPublisher,
            "developer", MobileApp::setDeveloper,
            "owner", MobileApp::setOwner,
            "informationUrl", MobileApp::setInformationUrl,
            "privacyInformationUrl", MobileApp::setPrivacyInformationUrl);
    private static final Map<String, BiConsumer<MobileApp, String>> LONG_TEXTS = Map.of(
            "description", MobileApp::setDescription,
            "notes", MobileApp::setNotes);

    private MobileAppJson() {
    }

    public static MobileApp read(JsonObject json) {
        EntityBody body = EntityBody.open(json, "microsoft.graph.mobileApp");
        String type = body.annotation(EntityBody.ODATA_TYPE);
        if (type == null || type.equals(ABSTRACT_TYPE) || !DERIVED_TYPE.matcher(type).matches()) {
            throw GraphException.badRequest("A mobileApp needs an @odata.type naming its derived type, "
                    + "e.g. '#microsoft.graph.webApp'; mobileApp itself is abstract.");
        }
        body.nonNullable("isAssigned");
        body.dateTimeOffset("createdDateTime"); // server-kept: checked, then ignored
        body.dateTimeOffset("lastModifiedDateTime");
        body.bool("isAssigned");
        SERVER_KEPT_COUNTS.forEach(body::int32);
        var app = new MobileApp();
        app.setOdataType(type);
        apply(body, json, app);
        return app;
    }

    /**
     * Changes only what the body names, derived-type properties included; the key and the server-kept
     * properties cannot be sent, and the derived type, if named, must be the app's own.
     */
    public static void update(JsonObject json, MobileApp app) {
        EntityBody body = EntityBody.open(json, "microsoft.graph.mobileApp").readOnly("id", "createdDateTime",
                "lastModifiedDateTime", "dependentAppCount", "supersededAppCount", "supersedingAppCount", "isAssigned");
        String type = body.annotation(EntityBody.ODATA_TYPE);
        if (type != null && !type.equals(app.getOdataType())) {
            throw GraphException.badRequest("The @odata.type '" + type + "' does not match the app's type '"
                    + app.getOdataType() + "'; the type of an app cannot be changed.");
        }
        apply(body, json, app);
    }

    private static void apply(EntityBody body, JsonObject json, MobileApp app) {
        body.nonNullable("isFeatured", "publishingState", "uploadState");
        TEXTS.forEach((name, setter) -> {
            if (body.has(name)) {
                setter.accept(app, body.string(name, MobileApp.TEXT));
            }
        });
        LONG_TEXTS.forEach((name, setter) -> {
            if (body.has(name)) {
                setter.accept(app, body.string(name, MobileApp.LONG_TEXT));
            }
        });
        if (body.has("isFeatured")) {
            app.setFeatured(body.bool("isFeatured"));
        }
        if (body.has("uploadState")) {
            app.setUploadState(body.int32("uploadState"));
        }
        if (body.has("publishingState")) {
            app.setPublishingState(body.member("publishingState", MobileAppPublishingState.class,
                    "microsoft.graph.mobileAppPublishingState"));
        }
        if (body.has("largeIcon")) {
            JsonValue icon = body.structured("largeIcon", ValueType.OBJECT, "microsoft.graph.mimeContent");
            app.setLargeIcon(icon == null ? null : icon.toString());
        }
        if (body.has("roleScopeTagIds")) {
            JsonValue tags = body.structured("roleScopeTagIds", ValueType.ARRAY, "Collection(Edm.String)");
            if (tags != null && !tags.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
                throw GraphException.badRequest("The property 'roleScopeTagIds' must be a collection of Edm.String.");
            }
            app.setRoleScopeTagIds(tags == null ? null : tags.toString());
        }
        var derived = Json.object();
        parsed(app.getDerivedProperties()).asJsonObject().forEach(derived::add);
        json.forEach((name, value) -> {
            if (!name.startsWith("@") && !BASE_PROPERTIES.contains(name)) {
                derived.add(name, value);
            }
        });
        String derivedJson = derived.build().toString();
        if (derivedJson.length() > MobileApp.JSON) {
            throw GraphException.badRequest("The properties of type '" + app.getOdataType().substring(1)
                    + "' are longer than " + MobileApp.JSON + " characters.");
        }
        app.setDerivedProperties(derivedJson);
    }

    public static JsonObjectBuilder write(MobileApp app) {
        var json = Json.object()
                .add(EntityBody.ODATA_TYPE, app.getOdataType())
                .add("id", app.getId())
                .add("displayName", Json.string(app.getDisplayName()))
                .add("description", Json.string(app.getDescription()))
                .add("publisher", Json.string(app.getPublisher()))
                .add("largeIcon", parsed(app.getLargeIcon()))
                .add("createdDateTime", app.getCreatedDateTime())
                .add("lastModifiedDateTime", app.getLastModifiedDateTime())
                .add("isFeatured", app.isFeatured())
                .add("privacyInformationUrl", Json.string(app.getPrivacyInformationUrl()))
                .add("informationUrl", Json.string(app.getInformationUrl()))
                .add("owner", Json.string(app.getOwner()))
                .add("developer", Json.string(app.getDeveloper()))
                .add("notes", Json.string(app.getNotes()))
                .add("uploadState", app.getUploadState())
                .add("publishingState", app.getPublishingState().name())
                .add("isAssigned", false)
                .add("roleScopeTagIds", app.getRoleScopeTagIds() == null ? JsonValue.EMPTY_JSON_ARRAY : parsed(app.getRoleScopeTagIds()))
                .add("dependentAppCount", 0)
                .add("supersedingAppCount", 0)
                .add("supersededAppCount", 0);
        parsed(app.getDerivedProperties()).asJsonObject().forEach(json::add);
        return json;
    }

    private static JsonValue parsed(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
