package org.graphstatus.deviceappmanagement.mobileapps.boundary;

import static org.graphstatus.odata.EntityBody.orDefault;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileAppPublishingState;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.Json;

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
    private static final Set<String> BASE_PROPERTIES = Set.of("id", "createdDateTime", "lastModifiedDateTime",
            "dependentAppCount", "supersededAppCount", "supersedingAppCount", "isAssigned", "displayName",
            "description", "publisher", "developer", "owner", "notes", "informationUrl", "privacyInformationUrl",
            "isFeatured", "largeIcon", "publishingState", "roleScopeTagIds", "uploadState");

    private MobileAppJson() {
    }

    public static MobileApp read(JsonObject json) {
        EntityBody body = EntityBody.open(json, "microsoft.graph.mobileApp");
        String type = body.annotation(EntityBody.ODATA_TYPE);
        if (type == null || type.equals(ABSTRACT_TYPE) || !DERIVED_TYPE.matcher(type).matches()) {
            throw GraphException.badRequest("A mobileApp needs an @odata.type naming its derived type, "
                    + "e.g. '#microsoft.graph.webApp'; mobileApp itself is abstract.");
        }
        body.nonNullable("isFeatured", "publishingState", "uploadState", "isAssigned");
        body.dateTimeOffset("createdDateTime"); // server-kept: checked, then ignored
        body.dateTimeOffset("lastModifiedDateTime");
        body.bool("isAssigned");
        SERVER_KEPT_COUNTS.forEach(body::int32);

        var app = new MobileApp();
        app.setOdataType(type);
        app.setDisplayName(body.string("displayName", MobileApp.TEXT));
        app.setPublisher(body.string("publisher", MobileApp.TEXT));
        app.setDeveloper(body.string("developer", MobileApp.TEXT));
        app.setOwner(body.string("owner", MobileApp.TEXT));
        app.setInformationUrl(body.string("informationUrl", MobileApp.TEXT));
        app.setPrivacyInformationUrl(body.string("privacyInformationUrl", MobileApp.TEXT));
        app.setDescription(body.string("description", MobileApp.LONG_TEXT));
        app.setNotes(body.string("notes", MobileApp.LONG_TEXT));
        app.setFeatured(orDefault(body.bool("isFeatured"), false));
        app.setUploadState(orDefault(body.int32("uploadState"), 0));
        app.setPublishingState(orDefault(body.member("publishingState", MobileAppPublishingState.class,
                "microsoft.graph.mobileAppPublishingState"), MobileAppPublishingState.notPublished));
        JsonValue icon = body.structured("largeIcon", ValueType.OBJECT, "microsoft.graph.mimeContent");
        app.setLargeIcon(icon == null ? null : icon.toString());
        JsonValue tags = body.structured("roleScopeTagIds", ValueType.ARRAY, "Collection(Edm.String)");
        if (tags != null && !tags.asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
            throw GraphException.badRequest("The property 'roleScopeTagIds' must be a collection of Edm.String.");
        }
        app.setRoleScopeTagIds(tags == null ? null : tags.toString());
        var derived = Json.object();
        json.forEach((name, value) -> {
            if (!name.startsWith("@") && !BASE_PROPERTIES.contains(name)) {
                derived.add(name, value);
            }
        });
        app.setDerivedProperties(derived.build().toString());
        return app;
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
