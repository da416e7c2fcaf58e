package org.graphstatus.devicemanagement.reports.control;

import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.failed;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.installed;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.notApplicable;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.notInstalled;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.pendingInstall;
import static org.graphstatus.devicemanagement.reports.control.ReportColumn.int32;
import static org.graphstatus.devicemanagement.reports.control.ReportColumn.string;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.InstallCounts;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.MobileAppInstallSummary;

/**
 * {@code getAppStatusOverviewReport}: one row for one app, its devices and users by install state, counted
 * as the app's {@code installSummary} counts them. An app without statuses, or one that does not exist, has
 * no row, as Graph answers it.
 */
@ApplicationScoped
public class AppStatusOverview {

    public static final String NAME = "AppStatusOverview";

    /** In the order clients read by position. */
    public static final List<ReportColumn> COLUMNS = List.of(string("ApplicationId"),
            int32("FailedDeviceCount"), int32("PendingInstallDeviceCount"), int32("InstalledDeviceCount"),
            int32("NotInstalledDeviceCount"), int32("NotApplicableDeviceCount"),
            int32("FailedUserCount"), int32("PendingInstallUserCount"), int32("InstalledUserCount"),
            int32("NotInstalledUserCount"), int32("NotApplicableUserCount"));

    @Inject
    InstallCounts counts;

    public ReportPage page(String tenant, ReportRequest request) {
        List<ReportColumn> schema = ReportColumn.chosen(NAME, COLUMNS, request.select());
        MobileAppInstallSummary summary = counts.counted(tenant, request.applicationIdOnly(NAME));
        Map<String, Object> cells = cells(summary);
        boolean any = cells.values().stream().anyMatch(cell -> cell instanceof Long count && count > 0);
        var rows = new ArrayList<List<Object>>();
        if (any && request.skip() == 0 && request.top() > 0) {
            rows.add(schema.stream().map(column -> cells.get(column.name())).toList());
        }
        return new ReportPage(schema, any ? 1 : 0, rows);
    }

    private static Map<String, Object> cells(MobileAppInstallSummary summary) {
        return Map.ofEntries(Map.entry("ApplicationId", summary.id()),
                Map.entry("FailedDeviceCount", summary.devices(failed)),
                Map.entry("PendingInstallDeviceCount", summary.devices(pendingInstall)),
                Map.entry("InstalledDeviceCount", summary.devices(installed)),
                Map.entry("NotInstalledDeviceCount", summary.devices(notInstalled)),
                Map.entry("NotApplicableDeviceCount", summary.devices(notApplicable)),
                Map.entry("FailedUserCount", summary.users(failed)),
                Map.entry("PendingInstallUserCount", summary.users(pendingInstall)),
                Map.entry("InstalledUserCount", summary.users(installed)),
                Map.entry("NotInstalledUserCount", summary.users(notInstalled)),
                Map.entry("NotApplicableUserCount", summary.users(notApplicable)));
    }
}
