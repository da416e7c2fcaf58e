package org.graphstatus.devicemanagement.reports.exportjobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.graphstatus.database.TenantKey;
import org.graphstatus.devicemanagement.reports.control.ExportableReports;
import org.graphstatus.devicemanagement.reports.control.ReportColumn;
import org.graphstatus.devicemanagement.reports.control.ReportRequest;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJob;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementReportStatus;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * Stores export jobs and moves them through their states, always within the caller's tenant. A job and its
 * file are kept six hours (Graph's example URL expires about six hours after its request), then removed as
 * other jobs are created or listed. A job is made by whichever instance took it (ExportJobMaker); one that
 * has shown no progress for {@link #STALLED} had its maker stop (a restart, a crash), and is failed when read.
 */
@ApplicationScoped
public class ExportJobs {

    static final Duration KEPT = Duration.ofHours(6);
    static final Duration STALLED = Duration.ofMinutes(5);
    private static final long TICKS_PER_MILLI = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    ExportableReports reports;

    /** Checks the job as the report would run it (a 400 names what is wrong), then stores it, not started. */
    @Transactional
    public DeviceManagementExportJob create(String tenant, DeviceManagementExportJob job) {
        job.setReportName(ExportableReports.named(job.getReportName()));
        schema(job);
        removeExpired();
        DateTimeOffset now = DateTimeOffset.now();
        job.initialize(tenant, job.getReportName() + "_" + UUID.randomUUID(), now.text(), now.ticks(),
                now.ticks() + KEPT.toMillis() * TICKS_PER_MILLI);
        em.persist(job);
        return job;
    }

    /** The columns the job's file has. */
    public List<ReportColumn> schema(DeviceManagementExportJob job) {
        return reports.check(job.getReportName(), request(job));
    }

    /** What the job asks of its report: every row its filter and search match, in the columns it selects. */
    public static ReportRequest request(DeviceManagementExportJob job) {
        List<String> select = JsonValues.PROVIDER.createReader(new StringReader(job.getSelect())).readArray()
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        return new ReportRequest(select, ReportRequest.filter(job.getFilter()), List.of(), job.getSearch(), 0, Integer.MAX_VALUE);
    }

    /** @throws GraphException 404 when the tenant has no such job */
    @Transactional
    public DeviceManagementExportJob get(String tenant, String id) {
        DeviceManagementExportJob job = em.find(DeviceManagementExportJob.class, new TenantKey(tenant, id));
        if (job == null || expired(job)) {
            throw GraphException.notFound("The deviceManagementExportJob '" + id + "' does not exist.");
        }
        return stalledFailed(job);
    }

    @Transactional
    public List<DeviceManagementExportJob> list(String tenant) {
        removeExpired();
        return em.createNamedQuery(DeviceManagementExportJob.OF_TENANT, DeviceManagementExportJob.class)
                .setParameter("tenant", tenant).getResultList().stream().map(this::stalledFailed).toList();
    }

    /** Removes the job and its file; a job still being made stops at its next part. */
    @Transactional
    public void delete(String tenant, String id) {
        em.remove(get(tenant, id));
    }

    /** The job, marked as being made; null when it is no longer waiting to be (deleted, or failed as stalled). */
    @Transactional
    public DeviceManagementExportJob started(String tenant, String id) {
        DeviceManagementExportJob job = em.find(DeviceManagementExportJob.class, new TenantKey(tenant, id));
        if (job == null || job.getStatus() != DeviceManagementReportStatus.notStarted) {
            return null;
        }
        job.progressed(DeviceManagementReportStatus.inProgress, DateTimeOffset.now().ticks());
        return job;
    }

    /** Completes a job still in progress with its file's secret and size; the file is kept {@link #KEPT} from now. */
    @Transactional
    public boolean completed(String tenant, String id, String secret, long size) {
        DeviceManagementExportJob job = em.find(DeviceManagementExportJob.class, new TenantKey(tenant, id));
        if (job == null || job.getStatus() != DeviceManagementReportStatus.inProgress) {
            return false;
        }
        Instant expires = Instant.now().plus(KEPT).truncatedTo(ChronoUnit.MILLIS);
        long expiresTicks = expires.getEpochSecond() * 10_000_000L + expires.getNano() / 100;
        String expiration = expires.toString();
        job.completed(expiration, expiresTicks, secret, size);
        return true;
    }

    /** Fails a job not completed; false when the job is gone (deleted while it was being made). */
    @Transactional
    public boolean failed(String tenant, String id, String reason) {
        DeviceManagementExportJob job = em.find(DeviceManagementExportJob.class, new TenantKey(tenant, id));
        if (job != null && job.getStatus() != DeviceManagementReportStatus.completed) {
            job.failed(reason);
        }
        return job != null;
    }

    /** The completed, unexpired job whose file has this secret and id; null for any other. */
    public DeviceManagementExportJob downloadable(String id, String secret) {
        return em.createNamedQuery(DeviceManagementExportJob.BY_DOWNLOAD_KEY, DeviceManagementExportJob.class)
                .setParameter("key", secret).setParameter("id", id).getResultStream()
                .filter(job -> job.getStatus() == DeviceManagementReportStatus.completed && !expired(job))
                .findFirst().orElse(null);
    }

    private DeviceManagementExportJob stalledFailed(DeviceManagementExportJob job) {
        boolean unfinished = job.getStatus() == DeviceManagementReportStatus.notStarted
                || job.getStatus() == DeviceManagementReportStatus.inProgress;
        if (unfinished && DateTimeOffset.now().ticks() - job.getProgressTicks() > STALLED.toMillis() * TICKS_PER_MILLI) {
            job.failed("The instance making the file stopped before it was done (a restart?); create the job again.");
        }
        return job;
    }

    private static boolean expired(DeviceManagementExportJob job) {
        return job.getKeptUntilTicks() < DateTimeOffset.now().ticks();
    }

    private void removeExpired() {
        em.createNamedQuery(DeviceManagementExportJob.DELETE_EXPIRED).setParameter("now", DateTimeOffset.now().ticks())
                .executeUpdate();
    }
}
