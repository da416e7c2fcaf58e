package org.graphstatus.odata.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.olingo.client.api.EdmEnabledODataClient;
import org.apache.olingo.client.api.communication.request.cud.UpdateType;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientObjectFactory;
import org.apache.olingo.client.api.uri.URIBuilder;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.client.core.http.DefaultHttpClientFactory;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apache Olingo's OData client, driven by the service's own $metadata (it reads the document from the service
 * root and types every value it sends and reads by it), lists, reads, creates and PATCHes apps and statuses
 * with OData's conventions: singleton and navigation segments, {@code mobileApps('id')} keys, typed enums and
 * dates, bodies with full metadata (every property's type annotated).
 */
class OlingoClientIT extends DeployedService {

    static final String GRAPH = "microsoft.graph";

    EdmEnabledODataClient client;
    ClientObjectFactory values;
    String root;

    @BeforeEach
    void connect() {
        root = graph.uri("").toString().replaceFirst("/$", "");
        client = ODataClientFactory.getEdmEnabledClient(root, ContentType.JSON);
        String token = Tokens.delegated(Tokens.READ_WRITE);
        client.getConfiguration().setHttpClientFactory(new DefaultHttpClientFactory() {
            @Override
            public DefaultHttpClient create(HttpMethod method, URI uri) {
                DefaultHttpClient http = super.create(method, uri);
                http.addRequestInterceptor((HttpRequestInterceptor) (request, context) ->
                        request.addHeader("Authorization", "Bearer " + token));
                return http;
            }
        });
        // Olingo writes an entity's @odata.type (and its properties' types) only with full metadata, and a
        // mobileApp needs its derived type named
        client.getConfiguration().setDefaultPubFormat(ContentType.JSON_FULL_METADATA);
        values = client.getObjectFactory();
    }

    private URIBuilder apps() {
        return client.newURIBuilder(root).appendSingletonSegment("deviceAppManagement").appendNavigationSegment("mobileApps");
    }

    @Test
    void createsReadsListsAndPatchesAWebApp() {
        ClientEntity webApp = values.newEntity(new FullQualifiedName(GRAPH, "webApp"));
        webApp.getProperties().add(values.newPrimitiveProperty("displayName", values.newPrimitiveValueBuilder().buildString("Olingo")));
        webApp.getProperties().add(values.newPrimitiveProperty("appUrl",
                values.newPrimitiveValueBuilder().buildString("https://olingo.example")));
        webApp.getProperties().add(values.newPrimitiveProperty("useManagedBrowser",
                values.newPrimitiveValueBuilder().buildBoolean(true)));
        webApp.getProperties().add(values.newEnumProperty("publishingState",
                values.newEnumValue(GRAPH + ".mobileAppPublishingState", "published")));

        var created = client.getCUDRequestFactory().getEntityCreateRequest(apps().build(), webApp).execute();

        assertEquals(201, created.getStatusCode());
        ClientEntity app = created.getBody();
        assertEquals(GRAPH + ".webApp", app.getTypeName().toString());
        String id = app.getProperty("id").getPrimitiveValue().toString();
        URI uri = apps().appendKeySegment(id).build();
        assertTrue(uri.toString().endsWith("mobileApps('" + id + "')"), uri.toString());

        ClientEntity read = client.getRetrieveRequestFactory().getEntityRequest(uri).execute().getBody();
        assertEquals("https://olingo.example", read.getProperty("appUrl").getPrimitiveValue().toString());
        assertEquals(Boolean.TRUE, read.getProperty("useManagedBrowser").getPrimitiveValue().toValue());
        assertEquals("published", read.getProperty("publishingState").getEnumValue().getValue());
        assertTrue(read.getProperty("largeIcon").hasNullValue());

        ClientEntity change = values.newEntity(new FullQualifiedName(GRAPH, "webApp"));
        change.getProperties().add(values.newPrimitiveProperty("displayName", values.newPrimitiveValueBuilder().buildString("Renamed")));
        int patched = client.getCUDRequestFactory().getEntityUpdateRequest(uri, UpdateType.PATCH, change).execute().getStatusCode();
        assertTrue(patched == 200 || patched == 204, "PATCH answered " + patched);

        List<ClientEntity> listed = client.getRetrieveRequestFactory()
                .getEntitySetRequest(apps().filter("displayName eq 'Renamed'").build()).execute().getBody().getEntities();
        assertTrue(listed.stream().anyMatch(e -> e.getProperty("id").getPrimitiveValue().toString().equals(id)), listed.toString());
        ClientEntity renamed = client.getRetrieveRequestFactory().getEntityRequest(uri).execute().getBody();
        assertEquals("Renamed", renamed.getProperty("displayName").getPrimitiveValue().toString());
        assertEquals("https://olingo.example", renamed.getProperty("appUrl").getPrimitiveValue().toString());
    }

    @Test
    void createsListsAndPatchesStatusesOfAnApp() throws Exception {
        String appId = graph.newApp();
        URIBuilder app = apps().appendKeySegment(appId);

        ClientEntity user = values.newEntity(new FullQualifiedName(GRAPH, "userAppInstallStatus"));
        user.getProperties().add(values.newPrimitiveProperty("userPrincipalName",
                values.newPrimitiveValueBuilder().buildString("ann@contoso.example")));
        var createdUser = client.getCUDRequestFactory()
                .getEntityCreateRequest(client.newURIBuilder(app.build().toString()).appendNavigationSegment("userStatuses").build(), user)
                .execute();
        assertEquals(201, createdUser.getStatusCode());
        String userId = createdUser.getBody().getProperty("id").getPrimitiveValue().toString();

        URI devices = client.newURIBuilder(app.build().toString()).appendNavigationSegment("userStatuses").appendKeySegment(userId)
                .appendNavigationSegment("deviceStatuses").build();
        ClientEntity status = values.newEntity(new FullQualifiedName(GRAPH, "mobileAppInstallStatus"));
        status.getProperties().add(values.newPrimitiveProperty("deviceName", values.newPrimitiveValueBuilder().buildString("LAPTOP-7")));
        status.getProperties().add(values.newEnumProperty("installState", values.newEnumValue(GRAPH + ".resultantAppState", "failed")));
        status.getProperties().add(values.newPrimitiveProperty("errorCode", values.newPrimitiveValueBuilder().buildInt32(-2016345060)));
        status.getProperties().add(values.newPrimitiveProperty("lastSyncDateTime", values.newPrimitiveValueBuilder()
                .setType(EdmPrimitiveTypeKind.DateTimeOffset).setValue(Timestamp.from(Instant.parse("2026-12-01T10:15:30Z"))).build()));

        var created = client.getCUDRequestFactory().getEntityCreateRequest(devices, status).execute();

        assertEquals(201, created.getStatusCode());
        String statusId = created.getBody().getProperty("id").getPrimitiveValue().toString();
        assertEquals("failed", created.getBody().getProperty("installState").getEnumValue().getValue());

        URI uri = client.newURIBuilder(devices.toString()).appendKeySegment(statusId).build();
        ClientEntity change = values.newEntity(new FullQualifiedName(GRAPH, "mobileAppInstallStatus"));
        change.getProperties().add(values.newEnumProperty("installState", values.newEnumValue(GRAPH + ".resultantAppState", "installed")));
        client.getCUDRequestFactory().getEntityUpdateRequest(uri, UpdateType.PATCH, change).execute();

        List<ClientEntity> listed = client.getRetrieveRequestFactory().getEntitySetRequest(devices).execute().getBody().getEntities();
        assertEquals(1, listed.size());
        ClientEntity read = listed.get(0);
        assertEquals("installed", read.getProperty("installState").getEnumValue().getValue());
        assertEquals(-2016345060, read.getProperty("errorCode").getPrimitiveValue().toCastValue(Integer.class));
        assertEquals(Instant.parse("2026-12-01T10:15:30Z"),
                read.getProperty("lastSyncDateTime").getPrimitiveValue().toCastValue(Timestamp.class).toInstant());
        assertEquals(1, client.getRetrieveRequestFactory().getEntityRequest(client.newURIBuilder(app.build().toString())
                .appendNavigationSegment("userStatuses").appendKeySegment(userId).build())
                .execute().getBody().getProperty("installedDeviceCount").getPrimitiveValue().toCastValue(Integer.class));
    }
}
