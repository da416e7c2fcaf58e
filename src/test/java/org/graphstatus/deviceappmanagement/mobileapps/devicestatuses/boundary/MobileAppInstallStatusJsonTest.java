package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;

/** The property table of mobileAppInstallStatus: what a body does to a status, with no server. */
class MobileAppInstallStatusJsonTest {

    @Test
    void aCreateTakesTheMetadataDefaultsAndMirrorsTheState() {
        MobileAppInstallStatus status = MobileAppInstallStatusJson.PROPERTIES.read(json("{\"mobileAppInstallStatusValue\":\"failed\"}"));

        assertEquals(0, status.getErrorCode());
        assertEquals("0001-01-01T00:00:00Z", status.getLastSyncDateTime());
        assertEquals(ResultantAppStateDetail.noAdditionalDetails, status.getInstallStateDetail());
        assertEquals(ResultantAppState.failed, status.getInstallState());
        assertEquals(ResultantAppState.failed, status.getMobileAppInstallStatusValue());
    }

    @Test
    void aCreateIgnoresTheKeyAndAcceptsTheTypeWithOrWithoutTheHash() {
        for (String type : new String[] {"#microsoft.graph.mobileAppInstallStatus", "microsoft.graph.mobileAppInstallStatus"}) {
            MobileAppInstallStatus status = MobileAppInstallStatusJson.PROPERTIES.read(json("{\"@odata.type\":\"" + type + "\",\"id\":\"mine\"}"));
            assertEquals(null, status.getId());
        }
        assertThrows(GraphException.class, () -> MobileAppInstallStatusJson.PROPERTIES.read(json("{\"@odata.type\":\"microsoft.graph.webApp\"}")));
    }

    @Test
    void aPatchChangesOnlyWhatItNamesAndCannotFailOnceRead() {
        MobileAppInstallStatus status = MobileAppInstallStatusJson.PROPERTIES.read(json("{\"deviceName\":\"a\",\"installState\":\"failed\",\"errorCode\":7}"));
        var changes = MobileAppInstallStatusJson.PROPERTIES.patch(json("{\"id\":\"s1\",\"installState\":\"installed\"}"), "s1");

        changes.accept(status);

        assertEquals("a", status.getDeviceName());
        assertEquals(7, status.getErrorCode());
        assertEquals(ResultantAppState.installed, status.getInstallState());
        assertEquals(ResultantAppState.installed, status.getMobileAppInstallStatusValue());
    }

    @Test
    void aPatchWithAnotherKeyOrANullForANonNullablePropertyIsRefusedBeforeAnythingIsFound() {
        GraphException otherKey = assertThrows(GraphException.class,
                () -> MobileAppInstallStatusJson.PROPERTIES.patch(json("{\"id\":\"s2\"}"), "s1"));
        assertEquals(400, otherKey.status());
        assertTrue(otherKey.getMessage().contains("'id'"));
        for (String bad : new String[] {"{\"errorCode\":null}", "{\"color\":\"red\"}", "{\"errorCode\":\"5\"}",
                "{\"installStateDetail\":\"removedByAliens\"}", "{\"lastSyncDateTime\":\"2017-01-01T00:02:49\"}"}) {
            assertThrows(GraphException.class, () -> MobileAppInstallStatusJson.PROPERTIES.patch(json(bad), "s1"), bad);
        }
    }

    @Test
    void theQueryModelAndTheSelectableNamesComeFromTheTable() {
        assertEquals(Set.of("id", "deviceName", "deviceId", "lastSyncDateTime", "mobileAppInstallStatusValue",
                "installState", "installStateDetail", "errorCode", "osVersion", "osDescription", "userName",
                "userPrincipalName", "displayVersion"), MobileAppInstallStatusJson.PROPERTIES.propertyNames());
        assertEquals("lastSyncTicks", MobileAppInstallStatusJson.PROPERTIES.query().property("lastSyncDateTime").orElseThrow().attribute());
        assertEquals(Arrays.stream(ResultantAppStateDetail.values()).map(Enum::name).collect(Collectors.toSet()),
                Arrays.stream(com.microsoft.graph.beta.models.ResultantAppStateDetail.values())
                        .map(com.microsoft.graph.beta.models.ResultantAppStateDetail::getValue).collect(Collectors.toSet()),
                "Graph's 36 members, as the official SDK has them");
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
