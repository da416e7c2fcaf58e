package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import static org.graphstatus.odata.ODataContext.key;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.control.DeviceStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.DeviceStatus;
import org.graphstatus.odata.ODataContext;
import org.graphstatus.security.Permissions;

/**
 * {@code /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userAppInstallStatusId}/deviceStatuses}:
 * one user's statuses of an app. A root resource of its own, not a method of the user statuses resource,
 * because JAX-RS picks the root class with the longest literal path and does not come back from it.
 */
@RequestScoped
@Path("deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userStatusId}/deviceStatuses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserDeviceStatusesResource {

    @Inject
    DeviceStatuses statuses;

    @Context
    UriInfo uri;

    @PathParam("mobileAppId")
    String appId;

    @PathParam("userStatusId")
    String userStatusId;

    @POST
    @RolesAllowed(Permissions.READ_WRITE)
    public Response create(JsonObject body) {
        DeviceStatus status = statuses.create(appId, userStatusId, MobileAppInstallStatusJson.read(body));
        return ODataContext.created(uri, path(), status.getId(), MobileAppInstallStatusJson.write(status));
    }

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject list() {
        return ODataContext.collection(uri, path(), MobileAppInstallStatusJson.write(statuses.list(appId, userStatusId)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject get(@PathParam("id") String id) {
        return ODataContext.entity(uri, path(), MobileAppInstallStatusJson.write(statuses.get(appId, userStatusId, id)));
    }

    private String path() {
        return "deviceAppManagement/" + key("mobileApps", appId) + "/" + key("userStatuses", userStatusId)
                + "/deviceStatuses";
    }
}
