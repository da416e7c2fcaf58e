package org.graphstatus.devicemanagement.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;

/** The cells as Intune writes them: numbered states, hex error codes, times to the second. */
class DeviceInstallStatusByAppTest {

    @Test
    void statesAreNumberedAsTheAdminCenterFiltersThem() {
        assertEquals(1, DeviceInstallStatusByApp.number(ResultantAppState.installed));
        assertEquals(2, DeviceInstallStatusByApp.number(ResultantAppState.failed));
        assertEquals(3, DeviceInstallStatusByApp.number(ResultantAppState.notInstalled));
        assertEquals(4, DeviceInstallStatusByApp.number(ResultantAppState.uninstallFailed));
        assertEquals(5, DeviceInstallStatusByApp.number(ResultantAppState.pendingInstall));
        assertEquals(99, DeviceInstallStatusByApp.number(ResultantAppState.unknown));
        assertEquals(-1, DeviceInstallStatusByApp.number(ResultantAppState.notApplicable));
        assertEquals("Install Pending", DeviceInstallStatusByApp.text(ResultantAppState.pendingInstall));
        assertEquals("Dependency failed to install", DeviceInstallStatusByApp.text(ResultantAppStateDetail.dependencyFailedToInstall));
    }

    @Test
    void anErrorCodeIsItsThirtyTwoBitsInHexAndBack() {
        assertEquals("0x87D1041C", DeviceInstallStatusByApp.hex(-2016345060));
        assertEquals("0x00000001", DeviceInstallStatusByApp.hex(1));
        assertEquals("", DeviceInstallStatusByApp.hex(0));
        assertEquals(-2016345060, DeviceInstallStatusByApp.errorCode("0x87d1041c"));
        assertEquals(0, DeviceInstallStatusByApp.errorCode(""));
        assertThrows(GraphException.class, () -> DeviceInstallStatusByApp.errorCode("87D1041C"));
        assertThrows(GraphException.class, () -> DeviceInstallStatusByApp.errorCode("0x187D1041C"));
    }

    @Test
    void aTimeIsUtcToTheSecondAndNeverSyncedIsNull() {
        assertEquals("2024-05-01T10:11:12", DeviceInstallStatusByApp.dateTime(DateTimeOffset.parse("2024-05-01T12:11:12.1234567+02:00").ticks()));
        assertEquals("1969-12-31T23:59:59", DeviceInstallStatusByApp.dateTime(-1));
        assertNull(DeviceInstallStatusByApp.dateTime(DateTimeOffset.MIN.ticks()));
    }
}
