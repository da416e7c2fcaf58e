package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.graph.beta.models.MobileAppInstallStatus;
import com.microsoft.graph.beta.models.ResultantAppState;
import com.microsoft.graph.beta.models.ResultantAppStateDetail;
import com.microsoft.graph.beta.models.WebApp;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphSdk;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Graph beta SDK for Java, unchanged, against this service. Since Graph dropped the routes its
 * fluent API has no {@code deviceStatuses} builder, so the test does what such a builder does: a
 * {@link RequestInformation} with the route's URL template, sent through the SDK's own adapter,
 * serializer and error mapping.
 */
class GraphSdkIT extends DeployedService {

    /** What the SDK's own request builders pass: every error status is read as an ODataError. */
    static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS =
            new HashMap<>(Map.of("XXX", ODataError::createFromDiscriminatorValue));

    GraphServiceClient sdk;
    RequestAdapter adapter;
    String app;

    @BeforeEach
    void connectTheSdk() {
        sdk = GraphSdk.client(graph, Tokens.delegated(Tokens.READ_WRITE));
        adapter = sdk.getRequestAdapter();

        var webApp = new WebApp();
        webApp.setDisplayName("Contoso Portal");
        webApp.setAppUrl("https://portal.contoso.example");
        app = sdk.deviceAppManagement().mobileApps().post(webApp).getId();
    }

    @Test
    void theSdkCreatesAndReadsAStatusOnBothRoutes() {
        String user = graph.newUserStatus(app);
        for (String route : new String[] {"/deviceStatuses", "/userStatuses/" + user + "/deviceStatuses"}) {
            MobileAppInstallStatus sent = status();

            MobileAppInstallStatus created = send(HttpMethod.POST, route, sent);

            assertNotNull(created.getId());
            assertEquals(sent.getDeviceName(), created.getDeviceName());
            assertEquals(sent.getLastSyncDateTime().toInstant(), created.getLastSyncDateTime().toInstant());
            assertEquals(ResultantAppState.Failed, created.getMobileAppInstallStatusValue());
            assertEquals(ResultantAppState.Failed, created.getInstallState());
            assertEquals(ResultantAppStateDetail.SeeInstallErrorCode, created.getInstallStateDetail());
            assertEquals(9, created.getErrorCode());
            assertEquals("1.2.3", created.getDisplayVersion());
            MobileAppInstallStatus read = send(HttpMethod.GET, route + "/" + created.getId(), null);
            assertEquals(created.getId(), read.getId());
            assertEquals(created.getUserPrincipalName(), read.getUserPrincipalName());
        }
    }

    @Test
    void theSdkReadsOurErrorsAsODataErrors() {
        var info = request(HttpMethod.POST, "/deviceStatuses", status());
        info.pathParameters.put("mobileApp%2Did", "00000000-0000-4000-8000-000000000000");

        ODataError error = assertThrows(ODataError.class,
                () -> adapter.send(info, ERRORS, MobileAppInstallStatus::createFromDiscriminatorValue));

        assertEquals(404, error.getResponseStatusCode());
        assertEquals("ResourceNotFound", error.getError().getCode());
        assertNotNull(error.getError().getInnerError().getRequestId());
    }

    private MobileAppInstallStatus send(HttpMethod method, String route, MobileAppInstallStatus body) {
        return adapter.send(request(method, route, body), ERRORS, MobileAppInstallStatus::createFromDiscriminatorValue);
    }

    private RequestInformation request(HttpMethod method, String route, MobileAppInstallStatus body) {
        var parameters = new HashMap<String, Object>(Map.of("mobileApp%2Did", app));
        var info = new RequestInformation(method, "{+baseurl}/deviceAppManagement/mobileApps/{mobileApp%2Did}" + route,
                parameters);
        info.headers.tryAdd("Accept", "application/json");
        if (body != null) {
            info.setContentFromParsable(adapter, "application/json", body);
        }
        return info;
    }

    private static MobileAppInstallStatus status() {
        var status = new MobileAppInstallStatus();
        status.setDeviceName("Device Name value");
        status.setDeviceId("Device Id value");
        status.setLastSyncDateTime(OffsetDateTime.parse("2017-01-01T08:02:49.3205976Z"));
        status.setMobileAppInstallStatusValue(ResultantAppState.Failed);
        status.setInstallState(ResultantAppState.Failed);
        status.setInstallStateDetail(ResultantAppStateDetail.SeeInstallErrorCode);
        status.setErrorCode(9);
        status.setOsVersion("Os Version value");
        status.setOsDescription("Os Description value");
        status.setUserName("User Name value");
        status.setUserPrincipalName("User Principal Name value");
        status.setDisplayVersion("1.2.3");
        return status;
    }
}
