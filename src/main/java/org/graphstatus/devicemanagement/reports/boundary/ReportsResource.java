package org.graphstatus.devicemanagement.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.graphstatus.devicemanagement.reports.control.AppInstallStatusAggregate;
import org.graphstatus.devicemanagement.reports.control.AppStatusOverview;
import org.graphstatus.devicemanagement.reports.control.DeviceInstallStatusByApp;
import org.graphstatus.devicemanagement.reports.control.ReportPage;
import org.graphstatus.devicemanagement.reports.control.ReportRequest;
import org.graphstatus.devicemanagement.reports.control.UserInstallStatusAggregateByApp;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.UnknownSegment;
import org.graphstatus.security.Permissions;
import org.graphstatus.security.Tenants;

/**
 * {@code POST /deviceManagement/reports/{action}}: Intune's report actions that replaced the status routes,
 * answered from the same rows, also under the namespace-qualified name ({@code microsoft.graph.{action}})
 * that older SDKs and scripts call. The answer is the reports' JSON ({@code TotalRowCount}, {@code Schema},
 * {@code Values}) as {@code application/octet-stream}, whatever the request accepts, as Graph sends it.
 */
@RequestScoped
@Path("deviceManagement/reports/{action}")
@Consumes(MediaType.APPLICATION_JSON)
public class ReportsResource {

    private static final String NAMESPACE = "microsoft.graph.";
    /** The body of every report action, as Graph's metadata declares it. */
    private static final Set<String> PARAMETERS = Set.of("name", "select", "filter", "groupBy", "orderBy", "search",
            "skip", "top", "sessionId");
    /** Graph caps no report page that clients rely on (some ask for 3,000 rows at once); this bounds one. */
    static final int MOST_ROWS = 10_000;

    @Inject
    DeviceInstallStatusByApp devices;

    @Inject
    UserInstallStatusAggregateByApp users;

    @Inject
    AppStatusOverview overview;

    @Inject
    AppInstallStatusAggregate apps;

    @Context
    SecurityContext caller;

    @PathParam("action")
    String action;

    @POST
    @RolesAllowed({Permissions.READ, Permissions.READ_WRITE, Permissions.CONFIGURATION_READ,
            Permissions.CONFIGURATION_READ_WRITE, Permissions.MANAGED_DEVICES_READ, Permissions.MANAGED_DEVICES_READ_WRITE})
    public Response report(JsonObject body) {
        String name = action.startsWith(NAMESPACE) ? action.substring(NAMESPACE.length()) : action;
        ReportPage page = switch (name) {
            case "getDeviceInstallStatusReport", "retrieveDeviceAppInstallationStatusReport" ->
                    devices.page(Tenants.of(caller), request(body, name));
            case "getUserInstallStatusReport" -> users.page(Tenants.of(caller), request(body, name));
            case "getAppStatusOverviewReport" -> overview.page(Tenants.of(caller), request(body, name));
            case "getAppsInstallSummaryReport" -> apps.page(Tenants.of(caller), request(body, name));
            default -> throw GraphException.badRequest(UnknownSegment.message(List.of(action)));
        };
        return Response.ok(ReportAnswer.json(page).toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }

    /** The body's parameters; empty ones ("filter": "", "orderBy": []) are as good as none. */
    static ReportRequest request(JsonObject json, String action) {
        EntityBody body = EntityBody.of(json, "microsoft.graph." + action + " parameters", PARAMETERS);
        int skip = orDefault(body.int32("skip"), 0);
        int top = orDefault(body.int32("top"), ReportRequest.DEFAULT_TOP);
        if (skip < 0 || top < 0 || top > MOST_ROWS) {
            throw GraphException.badRequest("skip is at least 0 and top from 0 to " + MOST_ROWS + ".");
        }
        return new ReportRequest(strings(body, "select"), ReportRequest.filter(body.string("filter", 10_000)),
                strings(body, "orderBy"), body.string("search", 1_000), skip, top);
    }

    private static List<String> strings(EntityBody body, String name) {
        JsonValue value = body.structured(name, ValueType.ARRAY, "Collection(Edm.String)");
        var strings = new ArrayList<String>();
        if (value != null) {
            for (JsonValue item : (JsonArray) value) {
                if (item.getValueType() != ValueType.STRING) {
                    throw GraphException.badRequest("The property '" + name + "' is a collection of strings.");
                }
                String text = ((JsonString) item).getString();
                if (!text.isBlank()) {
                    strings.add(text.strip());
                }
            }
        }
        return strings;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
