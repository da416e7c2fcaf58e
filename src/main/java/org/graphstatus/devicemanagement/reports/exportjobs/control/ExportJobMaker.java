package org.graphstatus.devicemanagement.reports.exportjobs.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.graphstatus.devicemanagement.reports.control.ExportableReports;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJob;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJobLocalizationType;

/**
 * Makes an export job's file on the server's managed executor, never on a request's thread: the report's
 * rows, a batch at a time, into the ZIP, a part at a time into the database. Done, the job gets the secret
 * its URL carries: 256 random bits, the role of the SAS token in Graph's blob URLs.
 */
@ApplicationScoped
public class ExportJobMaker {

    private static final Logger LOG = Logger.getLogger(ExportJobMaker.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportableReports reports;

    @Inject
    ExportParts parts;

    @Inject
    Tracer tracer;

    /** Queues the stored job; its status says when it is done. */
    public void start(DeviceManagementExportJob job) {
        String tenant = job.getTenantId();
        String id = job.getId();
        executor.execute(Context.current().wrap(() -> traced(tenant, id))); // in the trace of the create
    }

    private void traced(String tenant, String id) {
        Span span = tracer.spanBuilder("report export").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            make(tenant, id, span);
        } finally {
            span.end();
        }
    }

    private void make(String tenant, String id, Span span) {
        DeviceManagementExportJob job = jobs.started(tenant, id);
        if (job == null) {
            return;
        }
        span.setAttribute("graph.report.name", job.getReportName());
        span.setAttribute("graph.report.format", String.valueOf(job.getFormat()));
        try {
            ExportParts.Writer file = parts.writer(tenant, id);
            try (ExportFile export = new ExportFile(file, id, job.getFormat(), jobs.schema(job),
                    job.getLocalizationType() == DeviceManagementExportJobLocalizationType.replaceLocalizableValues)) {
                reports.each(tenant, job.getReportName(), ExportJobs.request(job), export);
            }
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            jobs.completed(tenant, id, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), file.size());
            span.setAttribute("graph.report.bytes", file.size());
        } catch (Exception | LinkageError e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            if (jobs.failed(tenant, id, "The file could not be made: " + e)) {
                LOG.log(Level.WARNING, "The export job " + id + " failed", e);
            } else { // its parts had no job to belong to any more: nothing went wrong
                LOG.log(Level.FINE, "The export job {0} was deleted while it was being made", id);
            }
        }
    }
}
