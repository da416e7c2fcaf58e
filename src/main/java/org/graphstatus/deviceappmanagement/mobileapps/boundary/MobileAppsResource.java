package org.graphstatus.deviceappmanagement.mobileapps.boundary;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.types.Responses;
import org.graphstatus.database.Pages;
import org.graphstatus.odata.options.ODataQuery;
import org.graphstatus.odata.options.Projection;
import org.graphstatus.security.Permissions;
import org.graphstatus.security.Tenants;

/** {@code /deviceAppManagement/mobileApps}: the apps whose install statuses are kept. */
@RequestScoped
@Path("deviceAppManagement/mobileApps")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MobileAppsResource {

    /** The entity set's path, also the context of an app reached by a status's {@code app} navigation. */
    public static final String PATH = "deviceAppManagement/mobileApps";

    @Inject
    MobileApps apps;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed({Permissions.READ_WRITE, Permissions.CONFIGURATION_READ_WRITE})
    public Response create(JsonObject body) {
        MobileApp app = apps.create(tenant(), MobileAppJson.read(body));
        return Responses.created(uri, PATH, app.getId(), MobileAppJson.write(app));
    }

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE, Permissions.CONFIGURATION_READ,
            Permissions.CONFIGURATION_READ_WRITE})
    public JsonObject list() {
        ODataQuery query = pages.options(uri.getQueryParameters(), MobileAppJson.QUERY, MobileAppJson.BASE_PROPERTIES);
        return Responses.collection(uri, PATH, apps.list(tenant(), query), MobileAppJson::write, query.projection());
    }

    /** The number of apps {@code $filter} matches, as {@code text/plain}, whatever the client accepts. */
    @GET
    @Path("$count")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE, Permissions.CONFIGURATION_READ,
            Permissions.CONFIGURATION_READ_WRITE})
    public Response count() {
        return Responses.count(apps.count(tenant(), ODataQuery.parseCount(uri.getQueryParameters(), MobileAppJson.QUERY)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE, Permissions.CONFIGURATION_READ,
            Permissions.CONFIGURATION_READ_WRITE})
    public JsonObject get(@PathParam("id") String id) {
        Projection projection = Projection.of(uri.getQueryParameters(), MobileAppJson.BASE_PROPERTIES, Set.of());
        return Responses.entity(uri, PATH, MobileAppJson.write(apps.get(tenant(), id)), projection);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Permissions.READ_WRITE, Permissions.CONFIGURATION_READ_WRITE})
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        MobileApp app = apps.update(tenant(), id, MobileAppJson.patch(body, id));
        return Responses.entity(uri, PATH, MobileAppJson.write(app));
    }

    /** Deletes the app and everything under it: its user statuses and device statuses. */
    @DELETE
    @Path("{id}")
    @RolesAllowed({Permissions.READ_WRITE, Permissions.CONFIGURATION_READ_WRITE})
    public void delete(@PathParam("id") String id) {
        apps.delete(tenant(), id);
    }

    /** The caller's tenant, whose rows alone this request reaches. */
    private String tenant() {
        return Tenants.of(caller);
    }
}
