package org.graphstatus.security;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The permissions each operation's docs page lists: mobileApp's current pages add the configuration
 * permissions to the apps ones; the status pages (removed in 2023) list the apps permissions only.
 */
class PermissionsIT extends DeployedService {

    static final String CONFIGURATION_READ_WRITE = "DeviceManagementConfiguration.ReadWrite.All";
    static final String CONFIGURATION_READ = "DeviceManagementConfiguration.Read.All";

    @Test
    void theConfigurationPermissionsOpenMobileAppsOnly() {
        String writer = Tokens.delegated(CONFIGURATION_READ_WRITE);
        String reader = Tokens.application(CONFIGURATION_READ);

        GraphClient asWriter = graph.as(writer);
        GraphClient asReader = graph.as(reader);
        Answer created = asWriter.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"c\"}");
        assertEquals(201, created.status(), created.body());
        String app = Routes.app(created.json().getString("id"));
        assertEquals(200, asWriter.patch(app, "{\"displayName\":\"d\"}").status());
        assertEquals(200, asReader.get(app).status());
        assertEquals(200, asReader.get(APPS).status());
        Answer readerWrites = asReader.post(APPS, "{\"@odata.type\":\"#microsoft.graph.webApp\"}");
        assertEquals(403, readerWrites.status(), readerWrites.body());
        assertTrue(readerWrites.errorMessage().contains(CONFIGURATION_READ_WRITE), readerWrites.errorMessage());

        Answer status = asWriter.post(app + "/deviceStatuses", "{}");
        assertEquals(403, status.status(), status.body());
        assertTrue(status.errorMessage().contains("DeviceManagementApps.ReadWrite.All"), status.errorMessage());
        assertEquals(403, asReader.get(app + "/deviceStatuses").status());
        assertEquals(403, asWriter.get(app + "/userStatuses").status());
        assertEquals(403, asWriter.get(app + "/installSummary").status());

        assertEquals(204, asWriter.delete(app).status());
    }
}
