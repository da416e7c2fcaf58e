package org.graphstatus.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.graphstatus.batch.BatchResource;
import org.graphstatus.deviceappmanagement.mobileapps.boundary.MobileAppsResource;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary.DeviceStatusesResource;
import org.junit.jupiter.api.Test;

/** Routes are named as their methods declare them, never with a request's ids. */
class RouteTemplatesTest {

    @Test
    void theDeviceStatusesRoutesAreNamedByTheWayTheRequestTook() throws Exception {
        var create = DeviceStatusesResource.class.getMethod("create", jakarta.json.JsonObject.class);
        Map<String, String> appRoute = Map.of("mobileAppId", "8d0e9a49-0000-4000-8000-000000000000", "userStatus", "");
        Map<String, String> userRoute = Map.of("mobileAppId", "8d0e9a49-0000-4000-8000-000000000000",
                "userStatus", "/userStatuses/5c1e2f00-0000-4000-8000-000000000000");

        assertEquals("/beta/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses",
                RouteTemplates.of(DeviceStatusesResource.class, create, appRoute::get));
        assertEquals("/beta/deviceAppManagement/mobileApps/{mobileAppId}/userStatuses/{userStatusId}/deviceStatuses",
                RouteTemplates.of(DeviceStatusesResource.class, create, userRoute::get));
    }

    @Test
    void aMethodsOwnPathFollowsItsClasss() throws Exception {
        var count = MobileAppsResource.class.getDeclaredMethods();
        var get = java.util.Arrays.stream(count).filter(m -> m.getName().equals("get")).findFirst().orElseThrow();
        assertEquals("/beta/deviceAppManagement/mobileApps/{id}", RouteTemplates.of(MobileAppsResource.class, get, name -> "x"));
        var batch = java.util.Arrays.stream(BatchResource.class.getDeclaredMethods()).filter(m -> m.getName().equals("batch"))
                .findFirst().orElseThrow();
        assertEquals("/beta/$batch", RouteTemplates.of(BatchResource.class, batch, name -> null));
    }
}
