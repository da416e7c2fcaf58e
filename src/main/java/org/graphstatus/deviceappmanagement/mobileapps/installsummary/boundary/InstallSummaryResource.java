package org.graphstatus.deviceappmanagement.mobileapps.installsummary.boundary;

import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.failed;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.installed;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.notApplicable;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.notInstalled;
import static org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState.pendingInstall;
import static org.graphstatus.odata.types.Responses.key;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.InstallCounts;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.MobileAppInstallSummary;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.JsonValues;
import org.graphstatus.odata.types.Responses;
import org.graphstatus.security.Permissions;
import org.graphstatus.security.Tenants;

/** {@code /deviceAppManagement/mobileApps/{mobileAppId}/installSummary}: read-only, counted on each read. */
@RequestScoped
@Path("deviceAppManagement/mobileApps/{mobileAppId}/installSummary")
@Produces(MediaType.APPLICATION_JSON)
public class InstallSummaryResource {

    @Inject
    InstallCounts counts;

    @Context
    UriInfo uri;

    @Context
    SecurityContext caller;

    @PathParam("mobileAppId")
    String appId;

    @GET
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE})
    public JsonObject get() {
        MobileAppInstallSummary summary = counts.summary(tenant(), appId);
        var json = JsonValues.object()
                .add(EntityBody.ODATA_TYPE, "#microsoft.graph.mobileAppInstallSummary")
                .add("id", summary.id())
                .add("installedDeviceCount", summary.devices(installed))
                .add("failedDeviceCount", summary.devices(failed))
                .add("notApplicableDeviceCount", summary.devices(notApplicable))
                .add("notInstalledDeviceCount", summary.devices(notInstalled))
                .add("pendingInstallDeviceCount", summary.devices(pendingInstall))
                .add("installedUserCount", summary.users(installed))
                .add("failedUserCount", summary.users(failed))
                .add("notApplicableUserCount", summary.users(notApplicable))
                .add("notInstalledUserCount", summary.users(notInstalled))
                .add("pendingInstallUserCount", summary.users(pendingInstall));
        return Responses.entity(uri, "deviceAppManagement/" + key("mobileApps", appId) + "/installSummary", json);
    }

    /** The caller's tenant, whose rows alone this request reaches. */
    private String tenant() {
        return Tenants.of(caller);
    }
}
