package org.graphstatus.devicemanagement.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.graphstatus.odata.GraphException;

/** The reports an export job can make, by the names Intune gives them ({@code reportName}). */
@ApplicationScoped
public class ExportableReports {

    public static final List<String> NAMES = List.of(DeviceInstallStatusByApp.NAME, UserInstallStatusAggregateByApp.NAME,
            AppInstallStatusAggregate.NAME);

    @Inject
    DeviceInstallStatusByApp devices;

    @Inject
    UserInstallStatusAggregateByApp users;

    @Inject
    AppInstallStatusAggregate apps;

    /** The report's name as Intune spells it, from any case. */
    public static String named(String reportName) {
        return NAMES.stream().filter(name -> name.equalsIgnoreCase(reportName)).findFirst()
                .orElseThrow(() -> GraphException.badRequest("The report '" + reportName + "' is not one this service exports; "
                        + "it exports " + String.join(", ", NAMES) + "."));
    }

    /** The columns the export will have, or a 400 naming what the request gets wrong. */
    public List<ReportColumn> check(String reportName, ReportRequest request) {
        return switch (named(reportName)) {
            case DeviceInstallStatusByApp.NAME -> devices.check(request);
            case UserInstallStatusAggregateByApp.NAME -> users.check(request);
            default -> apps.check(request);
        };
    }

    public void each(String tenant, String reportName, ReportRequest request, ReportRows rows) throws IOException {
        switch (named(reportName)) {
            case DeviceInstallStatusByApp.NAME -> devices.each(tenant, request, rows);
            case UserInstallStatusAggregateByApp.NAME -> users.each(tenant, request, rows);
            default -> apps.each(tenant, request, rows);
        }
    }
}
