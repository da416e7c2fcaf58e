package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary;

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
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.InstallCounts;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control.UserAppInstallStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.types.Responses;
import org.graphstatus.database.Pages;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.odata.options.Projection;
import org.graphstatus.security.Permissions;
import org.graphstatus.security.Tenants;

/** {@code /deviceAppManagement/mobileApps/{mobileAppId}/userStatuses}: the users of an app. */
@RequestScoped
@Path("deviceAppManagement/mobileApps/{mobileAppId}/userStatuses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserStatusesResource {

    /** The navigations {@code $expand} may name: the metadata's {@code app}, to the user status's mobileApp. */
    private static final Set<String> EXPANDABLE = Set.of("app");

    @Inject
    UserAppInstallStatuses statuses;

    @Inject
    InstallCounts counts;

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

    @POST
    @RolesAllowed(Permissions.READ_WRITE)
    public Response create(JsonObject body) {
        UserAppInstallStatus status = statuses.create(tenant(), appId, UserAppInstallStatusJson.PROPERTIES.read(body));
        return Responses.created(uri, path(), status.getId(), UserAppInstallStatusJson.PROPERTIES.write(status));
    }

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject list() {
        ODataQuery query = pages.options(uri.getQueryParameters(), UserAppInstallStatusJson.PROPERTIES.query(),
                UserAppInstallStatusJson.PROPERTIES.propertyNames(), EXPANDABLE);
        Page<UserAppInstallStatus> page = statuses.list(tenant(), appId, query);
        counts.counted(page.rows());
        JsonObject app = query.projection().expands("app") ? MobileAppJson.write(apps.get(tenant(), appId)).build() : null;
        return Responses.collection(uri, path(), page, user -> withApp(UserAppInstallStatusJson.PROPERTIES.write(user), app),
                query.projection());
    }

    /** The number of user statuses {@code $filter} matches, as {@code text/plain}, whatever the client accepts. */
    @GET
    @Path("$count")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public Response count() {
        return Responses.count(statuses.count(tenant(), appId,
                ODataQuery.parseCount(uri.getQueryParameters(), UserAppInstallStatusJson.PROPERTIES.query())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject get(@PathParam("id") String id) {
        Projection projection = Projection.of(uri.getQueryParameters(), UserAppInstallStatusJson.PROPERTIES.propertyNames(), EXPANDABLE);
        UserAppInstallStatus status = counts.counted(statuses.get(tenant(), appId, id));
        JsonObject app = projection.expands("app") ? MobileAppJson.write(apps.get(tenant(), appId)).build() : null;
        return Responses.entity(uri, path(), withApp(UserAppInstallStatusJson.PROPERTIES.write(status), app), projection);
    }

    /** The user status's {@code app} navigation: the mobileApp it belongs to, as its derived type. */
    @GET
    @Path("{id}/app")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject app(@PathParam("id") String id) {
        Projection projection = Projection.of(uri.getQueryParameters(), MobileAppJson.BASE_PROPERTIES, Set.of());
        return Responses.entity(uri, MobileAppsResource.PATH, MobileAppJson.write(statuses.app(tenant(), appId, id)), projection);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        UserAppInstallStatus status = statuses.update(tenant(), appId, id, UserAppInstallStatusJson.PROPERTIES.patch(body, id));
        return Responses.entity(uri, path(), UserAppInstallStatusJson.PROPERTIES.write(counts.counted(status)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Permissions.READ_WRITE)
    public void delete(@PathParam("id") String id) {
        statuses.delete(tenant(), appId, id);
    }

    /** The app embedded as {@code app} when {@code $expand} asks for it (null: not asked). */
    private static JsonObjectBuilder withApp(JsonObjectBuilder json, JsonObject app) {
        return app == null ? json : json.add("app", app);
    }

    private String path() {
        return "deviceAppManagement/" + key("mobileApps", appId) + "/userStatuses";
    }

    /** The caller's tenant, whose rows alone this request reaches. */
    private String tenant() {
        return Tenants.of(caller);
    }
}
