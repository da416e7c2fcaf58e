package org.graphstatus.devicemanagement.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;

/** Which columns an answer has, in the order clients read them by position. */
class ReportColumnTest {

    /** The admin center's failed-apps tile reads 0 ApplicationId, 1 AppVersion, 2 DisplayName: case is ignored. */
    @Test
    void selectedColumnsAreSortedIgnoringCaseEachLocalizedOneFollowedByItsText() {
        List<String> names = ReportColumn.chosen("R", DeviceInstallStatusByApp.COLUMNS,
                List.of("installstate", "AppVersion", "ApplicationId", "AppInstallState", "appversion")).stream()
                .map(ReportColumn::name).toList();

        assertEquals(List.of("AppInstallState", "AppInstallState_loc", "ApplicationId", "AppVersion", "InstallState"), names);
    }

    @Test
    void noSelectIsTheReportsOwnOrder() {
        assertEquals(DeviceInstallStatusByApp.COLUMNS, ReportColumn.chosen("R", DeviceInstallStatusByApp.COLUMNS, List.of()));
        assertEquals("DeviceId", DeviceInstallStatusByApp.COLUMNS.get(0).name());
        assertEquals("LastModifiedDateTime", DeviceInstallStatusByApp.COLUMNS.get(11).name());
        assertEquals(18, DeviceInstallStatusByApp.COLUMNS.size());
    }

    @Test
    void aLocalizedTextOrAnUnknownNameCannotBeSelected() {
        for (String name : List.of("AppInstallState_loc", "Colour")) {
            GraphException refused = assertThrows(GraphException.class,
                    () -> ReportColumn.chosen("R", DeviceInstallStatusByApp.COLUMNS, List.of(name)));
            assertEquals("The report R has no column '" + name + "' to select; it has DeviceId, ApplicationId, UserId, "
                    + "DeviceName, UserPrincipalName, UserName, Platform, AppVersion, ErrorCode, InstallState, "
                    + "InstallStateDetail, LastModifiedDateTime, AssignmentFilterIdsExist, HexErrorCode, AppInstallState, "
                    + "AppInstallStateDetails.", refused.getMessage());
        }
    }
}
