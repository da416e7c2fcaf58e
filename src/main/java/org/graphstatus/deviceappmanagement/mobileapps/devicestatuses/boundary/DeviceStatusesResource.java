package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary;

import static org.graphstatus.odata.types.Responses.key;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.graphstatus.deviceappmanagement.mobileapps.boundary.MobileAppJson;
import org.graphstatus.deviceappmanagement.mobileapps.boundary.MobileAppsResource;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.control.MobileAppInstallStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.odata.types.Responses;
import org.graphstatus.database.Pages;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.odata.options.Projection;
import org.graphstatus.security.Permissions;
import org.graphstatus.security.Tenants;

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

    /** The navigations {@code $expand} may name: the metadata's {@code app}, to the status's mobileApp. */
    private static final Set<String> EXPANDABLE = Set.of("app");

    @Inject
    MobileAppInstallStatuses statuses;

    @Inject
    MobileApps apps;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @Context
    SecurityContext caller;

    @PathParam("mobileAppId")
    String appId;

    /** Empty on the app's route, {@code /userStatuses/{id}} on the user's. */
    @PathParam("userStatus")
    String userStatus;

    @POST
    @RolesAllowed(Permissions.READ_WRITE)
    public Response create(JsonObject body) {
        MobileAppInstallStatus status = statuses.create(tenant(), appId, userStatusId(), MobileAppInstallStatusJson.PROPERTIES.read(body));
        return Responses.created(uri, path(), status.getId(), MobileAppInstallStatusJson.PROPERTIES.write(status));
    }

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject list() {
        ODataQuery query = pages.options(uri.getQueryParameters(), MobileAppInstallStatusJson.PROPERTIES.query(),
                MobileAppInstallStatusJson.PROPERTIES.propertyNames(), EXPANDABLE);
        Page<MobileAppInstallStatus> page = statuses.list(tenant(), appId, userStatusId(), query);
        JsonObject app = query.projection().expands("app") ? MobileAppJson.write(apps.get(tenant(), appId)).build() : null;
        return Responses.collection(uri, path(), page, status -> withApp(status, app), query.projection());
    }

    /** The number of statuses {@code $filter} matches, as {@code text/plain}, whatever the client accepts. */
    @GET
    @Path("$count")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public Response count() {
        return Responses.count(statuses.count(tenant(), appId, userStatusId(),
                ODataQuery.parseCount(uri.getQueryParameters(), MobileAppInstallStatusJson.PROPERTIES.query())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject get(@PathParam("id") String id) {
        Projection projection = Projection.of(uri.getQueryParameters(), MobileAppInstallStatusJson.PROPERTIES.propertyNames(), EXPANDABLE);
        MobileAppInstallStatus status = statuses.get(tenant(), appId, userStatusId(), id);
        JsonObject app = projection.expands("app") ? MobileAppJson.write(apps.get(tenant(), appId)).build() : null;
        return Responses.entity(uri, path(), withApp(status, app), projection);
    }

    /** The status's {@code app} navigation: the mobileApp it belongs to, as its derived type. */
    @GET
    @Path("{id}/app")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject app(@PathParam("id") String id) {
        Projection projection = Projection.of(uri.getQueryParameters(), MobileAppJson.BASE_PROPERTIES, Set.of());
        return Responses.entity(uri, MobileAppsResource.PATH, MobileAppJson.write(statuses.app(tenant(), appId, userStatusId(), id)),
                projection);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        MobileAppInstallStatus status = statuses.update(tenant(), appId, userStatusId(), id, MobileAppInstallStatusJson.PROPERTIES.patch(body, id));
        return Responses.entity(uri, path(), MobileAppInstallStatusJson.PROPERTIES.write(status));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public void delete(@PathParam("id") String id) {
        statuses.delete(tenant(), appId, userStatusId(), id);
    }

    /** The status's wire form, with its app embedded as {@code app} when {@code $expand} asks for it. */
    private static JsonObjectBuilder withApp(MobileAppInstallStatus status, JsonObject app) {
        JsonObjectBuilder json = MobileAppInstallStatusJson.PROPERTIES.write(status);
        return app == null ? json : json.add("app", app);
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

    /** The caller's tenant, whose rows alone this request reaches. */
    private String tenant() {
        return Tenants.of(caller);
    }
}
