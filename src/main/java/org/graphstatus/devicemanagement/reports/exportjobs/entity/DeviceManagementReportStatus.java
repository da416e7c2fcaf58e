package org.graphstatus.devicemanagement.reports.exportjobs.entity;

/** Graph's {@code deviceManagementReportStatus}, less {@code unknown}, which no job of this service is in. */
public enum DeviceManagementReportStatus {
    notStarted, inProgress, completed, failed
}
