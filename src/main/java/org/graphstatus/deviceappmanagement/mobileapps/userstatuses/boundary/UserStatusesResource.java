package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary;

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
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control.UserStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.ODataContext;
import org.graphstatus.odata.Pages;
import org.graphstatus.odata.Pages.Page;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.security.Permissions;

/** {@code /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses}: the users of an app. */
@RequestScoped
@Path("deviceAppManagement/mobileApps/{mobileAppId}/userStatuses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserStatusesResource {

    @Inject
    UserStatuses statuses;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @PathParam("mobileAppId")
    String appId;

    @POST
    @RolesAllowed(Permissions.READ_WRITE)
    public Response create(JsonObject body) {
        UserAppInstallStatus status = statuses.create(appId, UserAppInstallStatusJson.read(body));
        return ODataContext.created(uri, path(), status.getId(), UserAppInstallStatusJson.write(status));
    }

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject list() {
        ODataQuery query = pages.query(uri.getQueryParameters(), UserAppInstallStatusJson.QUERY,
                UserAppInstallStatusJson.PROPERTIES);
        Page<UserAppInstallStatus> page = statuses.list(appId, query);
        statuses.counted(page.rows());
        return ODataContext.collection(uri, path(), page, UserAppInstallStatusJson::write, query.select());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject get(@PathParam("id") String id) {
        return ODataContext.entity(uri, path(), UserAppInstallStatusJson.write(statuses.counted(statuses.get(appId, id))));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        UserAppInstallStatus status = statuses.update(appId, id, UserAppInstallStatusJson.patch(body, id));
        return ODataContext.entity(uri, path(), UserAppInstallStatusJson.write(statuses.counted(status)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public void delete(@PathParam("id") String id) {
        statuses.delete(appId, id);
    }

    private String path() {
        return "deviceAppManagement/" + key("mobileApps", appId) + "/userStatuses";
    }
}
