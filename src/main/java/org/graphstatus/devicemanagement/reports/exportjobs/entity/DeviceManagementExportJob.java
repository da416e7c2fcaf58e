package org.graphstatus.devicemanagement.reports.exportjobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.graphstatus.database.TenantKey;

/**
 * A {@code deviceManagementExportJob}: a report to be written to a file in the background. Its file is kept
 * apart, in parts (table {@code device_management_export_job_part}), so that reading a job never reads it.
 */
@Entity
@Table(name = "device_management_export_job") // columns and indexes: db/migration
@IdClass(TenantKey.class)
@NamedQuery(name = DeviceManagementExportJob.OF_TENANT,
        query = "SELECT j FROM DeviceManagementExportJob j WHERE j.tenantId = :tenant ORDER BY j.id")
@NamedQuery(name = DeviceManagementExportJob.BY_DOWNLOAD_KEY,
        query = "SELECT j FROM DeviceManagementExportJob j WHERE j.downloadKey = :key AND j.id = :id")
@NamedQuery(name = DeviceManagementExportJob.DELETE_EXPIRED,
        query = "DELETE FROM DeviceManagementExportJob j WHERE j.keptUntilTicks < :now")
public class DeviceManagementExportJob {

    public static final String OF_TENANT = "DeviceManagementExportJob.ofTenant";
    public static final String BY_DOWNLOAD_KEY = "DeviceManagementExportJob.byDownloadKey";
    public static final String DELETE_EXPIRED = "DeviceManagementExportJob.deleteExpired";
    /** Graph's limits on the job's texts. */
    public static final int FILTER = 2000;
    public static final int SEARCH = 100;
    public static final int SNAPSHOT_ID = 128;

    @Id
    @Column(name = "tenant_id", length = 64, updatable = false)
    private String tenantId;
    /** {@code <reportName>_<guid>}, as Intune names its jobs. */
    @Id
    @Column(length = 100)
    private String id;

    @Column(name = "report_name", nullable = false, length = 64, updatable = false)
    private String reportName;
    @Column(length = FILTER, updatable = false)
    private String filter;
    /** The {@code select} as a JSON array of names. */
    @Column(name = "select_columns", nullable = false, length = 65_536, updatable = false)
    private String select;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private DeviceManagementReportFileFormat format;
    @Enumerated(EnumType.STRING)
    @Column(name = "localization_type", nullable = false, length = 40, updatable = false)
    private DeviceManagementExportJobLocalizationType localizationType;
    @Column(length = SEARCH, updatable = false)
    private String search;
    @Column(name = "snapshot_id", length = SNAPSHOT_ID, updatable = false)
    private String snapshotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeviceManagementReportStatus status;
    /** Why a failed job failed; no Graph property shows it. */
    @Column(name = "failure_reason", length = 1000)
    private String failureReason;
    @Column(name = "request_date_time", nullable = false, length = 40, updatable = false)
    private String requestDateTime;
    /** Set when the job completes; Graph shows {@code 0001-01-01T00:00:00Z} before. */
    @Column(name = "expiration_date_time", length = 40)
    private String expirationDateTime;
    /** When the job and its file are removed, in ticks (100 ns since 1970). */
    @Column(name = "kept_until_ticks", nullable = false)
    private long keptUntilTicks;
    /** When the instance making the file last showed progress; a job long without is one whose maker stopped. */
    @Column(name = "progress_ticks", nullable = false)
    private long progressTicks;
    /** SHA-256 (hex) of the secret in the file's URL: the secret itself is never stored. */
    @Column(name = "download_key", length = 64)
    private String downloadKey;
    @Column(name = "size_bytes")
    private Long sizeBytes;

    public void initialize(String tenant, String newId, String requested, long nowTicks, long keptUntil) {
        this.tenantId = tenant;
        this.id = newId;
        this.requestDateTime = requested;
        this.status = DeviceManagementReportStatus.notStarted;
        this.progressTicks = nowTicks;
        this.keptUntilTicks = keptUntil;
    }

    public void completed(String expiration, long expirationTicks, String key, long size) {
        this.status = DeviceManagementReportStatus.completed;
        this.expirationDateTime = expiration;
        this.keptUntilTicks = expirationTicks;
        this.downloadKey = key;
        this.sizeBytes = size;
    }

    public void failed(String reason) {
        this.status = DeviceManagementReportStatus.failed;
        this.failureReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public void progressed(DeviceManagementReportStatus now, long nowTicks) {
        this.status = now;
        this.progressTicks = nowTicks;
    }

    public String getTenantId() { return tenantId; }
    public String getId() { return id; }
    public String getReportName() { return reportName; }
    public void setReportName(String reportName) { this.reportName = reportName; }
    public String getFilter() { return filter; }
    public void setFilter(String filter) { this.filter = filter; }
    public String getSelect() { return select; }
    public void setSelect(String select) { this.select = select; }
    public DeviceManagementReportFileFormat getFormat() { return format; }
    public void setFormat(DeviceManagementReportFileFormat format) { this.format = format; }
    public DeviceManagementExportJobLocalizationType getLocalizationType() { return localizationType; }
    public void setLocalizationType(DeviceManagementExportJobLocalizationType type) { this.localizationType = type; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public String getSnapshotId() { return snapshotId; }
    public void setSnapshotId(String snapshotId) { this.snapshotId = snapshotId; }
    public DeviceManagementReportStatus getStatus() { return status; }
    public String getFailureReason() { return failureReason; }
    public String getRequestDateTime() { return requestDateTime; }
    public String getExpirationDateTime() { return expirationDateTime; }
    public long getKeptUntilTicks() { return keptUntilTicks; }
    public long getProgressTicks() { return progressTicks; }
    public String getDownloadKey() { return downloadKey; }
    public Long getSizeBytes() { return sizeBytes; }
}
