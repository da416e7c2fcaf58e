package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import static org.graphstatus.odata.ODataContext.key;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.graphstatus.odata.Pages;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.security.Permissions;

/**
 * {@code deviceStatuses} under both of its parents: {@code /deviceAppManagement/mobileApps/{mobileAppId}} (all of
 * the app's statuses) and {@code .../userStatuses/{userAppInstallStatusId}} (one user's). One class serves both
 * through an optional path segment, because the two routes are one collection seen from two parents; JAX-RS
 * prefers this template to the user statuses resource for the longer route, as it has more literal characters.
 */
@RequestScoped
@Path("deviceAppManagement/mobileApps/{mobileAppId}{userStatus: (/userStatuses/[^/]+)?}/deviceStatuses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceStatusesResource {

    private static final String USER_STATUSES = "/userStatuses/";

    @Inject
    DeviceStatuses statuses;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @PathParam("mobileAppId")
    String appId;

    /** Empty on the app's route, {@code /userStatuses/{id}} on the user's. */
    @PathParam("userStatus")
    String userStatus;

    @POST
    @RolesAllowed(Permissions.READ_WRITE)
    public Response create(JsonObject body) {
        DeviceStatus status = statuses.create(appId, userStatusId(), MobileAppInstallStatusJson.read(body));
        return ODataContext.created(uri, path(), status.getId(), MobileAppInstallStatusJson.write(status));
    }

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject list() {
        ODataQuery query = pages.query(uri.getQueryParameters(), MobileAppInstallStatusJson.QUERY,
                MobileAppInstallStatusJson.PROPERTIES);
        return ODataContext.collection(uri, path(), statuses.list(appId, userStatusId(), query),
                MobileAppInstallStatusJson::write, query.select());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject get(@PathParam("id") String id) {
        return ODataContext.entity(uri, path(), MobileAppInstallStatusJson.write(statuses.get(appId, userStatusId(), id)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        DeviceStatus status = statuses.update(appId, userStatusId(), id, MobileAppInstallStatusJson.patch(body, id));
        return ODataContext.entity(uri, path(), MobileAppInstallStatusJson.write(status));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public void delete(@PathParam("id") String id) {
        statuses.delete(appId, userStatusId(), id);
    }

    /** The user status whose statuses these are, or null for all of the app's. */
    private String userStatusId() {
        return userStatus.isEmpty() ? null : userStatus.substring(USER_STATUSES.length());
    }

    private String path() {
        String user = userStatusId();
        return "deviceAppManagement/" + key("mobileApps", appId)
                + (user == null ? "" : "/" + key("userStatuses", user)) + "/deviceStatuses";
    }
}
