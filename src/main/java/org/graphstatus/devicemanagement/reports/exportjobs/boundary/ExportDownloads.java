package org.graphstatus.devicemanagement.reports.exportjobs.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.graphstatus.devicemanagement.reports.exportjobs.control.ExportJobs;
import org.graphstatus.devicemanagement.reports.exportjobs.control.ExportParts;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJob;
import org.graphstatus.odata.GraphError;

/**
 * {@code GET /exports/{secret}/{job id}.zip}: an export's file, to whoever holds its URL until it expires,
 * with or without an Authorization header (scripts fetch it with none, as from Graph's blob storage). The
 * secret is the URL's authority; an unknown, expired or unfinished one is a 404, saying no more.
 */
@WebServlet(ExportDownloads.PATTERN)
public class ExportDownloads extends HttpServlet {

    static final String PATH = "exports/";
    static final String PATTERN = "/exports/*";

    @Inject
    ExportJobs jobs;

    @Inject
    ExportParts parts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] names = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/", -1);
        DeviceManagementExportJob job = names.length == 2 && names[1].endsWith(".zip")
                ? jobs.downloadable(names[1].substring(0, names[1].length() - ".zip".length()), names[0]) : null;
        if (job == null) {
            GraphError.write(request, response, 404, "The export's URL is unknown or has expired.");
            return;
        }
        response.setContentType("application/zip");
        response.setContentLengthLong(job.getSizeBytes());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + job.getId() + ".zip\"");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream file = parts.reader(job.getTenantId(), job.getId()); OutputStream out = response.getOutputStream()) {
            file.transferTo(out);
        }
    }
}
