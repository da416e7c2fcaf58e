package org.graphstatus.devicemanagement.reports.exportjobs.entity;

/** Graph's {@code deviceManagementReportFileFormat}: the file an export job makes. */
public enum DeviceManagementReportFileFormat {
    csv, pdf, json, unknownFutureValue
}
