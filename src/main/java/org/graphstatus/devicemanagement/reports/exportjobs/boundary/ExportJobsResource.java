package org.graphstatus.devicemanagement.reports.exportjobs.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.graphstatus.devicemanagement.reports.exportjobs.control.ExportJobMaker;
import org.graphstatus.devicemanagement.reports.exportjobs.control.ExportJobs;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJob;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.Projection;
import org.graphstatus.odata.types.Responses;
import org.graphstatus.security.Permissions;
import org.graphstatus.security.Tenants;

/**
 * {@code /deviceManagement/reports/exportJobs}: reports written to a ZIP in the background. A job is posted,
 * polled until {@code completed} (or {@code failed}), and its {@code url} fetched with no token, as Graph's
 * blob URLs are; {@code exportJobs('id')} is the same as {@code exportJobs/id} (KeySegments). The six
 * report permissions are accepted for every method, as Graph's own 403 lists them.
 */
@RequestScoped
@Path(ExportJobsResource.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Permissions.READ, Permissions.READ_WRITE, Permissions.CONFIGURATION_READ, Permissions.CONFIGURATION_READ_WRITE,
        Permissions.MANAGED_DEVICES_READ, Permissions.MANAGED_DEVICES_READ_WRITE})
public class ExportJobsResource {

    static final String PATH = "deviceManagement/reports/exportJobs";

    @Inject
    ExportJobs jobs;

    @Inject
    ExportJobMaker maker;

    @Context
    UriInfo uri;

    @Context
    SecurityContext caller;

    @POST
    public Response create(JsonObject body) {
        DeviceManagementExportJob job = jobs.create(Tenants.of(caller), ExportJobJson.read(body));
        maker.start(job);
        return Responses.created(uri, PATH, job.getId(), ExportJobJson.write(job, true, null));
    }

    @GET
    public JsonObject list() {
        return Responses.collection(uri, PATH, new Page<>(jobs.list(Tenants.of(caller)), null, null),
                job -> ExportJobJson.write(job, false, url(job)), Projection.ALL);
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        DeviceManagementExportJob job = jobs.get(Tenants.of(caller), id);
        return Responses.entity(uri, PATH, ExportJobJson.write(job, false, url(job)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        jobs.delete(Tenants.of(caller), id);
        return Response.noContent().build();
    }

    /** The file's address as the client reached this service (its proxy's, when behind one). */
    private String url(DeviceManagementExportJob job) {
        return job.getDownloadKey() == null ? null
                : uri.getBaseUri().resolve("../" + ExportDownloads.PATH + job.getDownloadKey() + "/" + job.getId() + ".zip").toString();
    }
}
