package org.graphstatus.security;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
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

        Answer created = send("POST", APPS, writer, "{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"c\"}");
        assertEquals(201, created.status(), created.body());
        String app = APPS + "/" + created.json().getString("id");
        assertEquals(200, send("PATCH", app, writer, "{\"displayName\":\"d\"}").status());
        assertEquals(200, send("GET", app, reader, null).status());
        assertEquals(200, send("GET", APPS, reader, null).status());
        Answer readerWrites = send("POST", APPS, reader, "{\"@odata.type\":\"#microsoft.graph.webApp\"}");
        assertEquals(403, readerWrites.status(), readerWrites.body());
        assertTrue(readerWrites.errorMessage().contains(CONFIGURATION_READ_WRITE), readerWrites.errorMessage());

        Answer status = send("POST", app + "/deviceStatuses", writer, "{}");
        assertEquals(403, status.status(), status.body());
        assertTrue(status.errorMessage().contains("DeviceManagementApps.ReadWrite.All"), status.errorMessage());
        assertEquals(403, send("GET", app + "/deviceStatuses", reader, null).status());
        assertEquals(403, send("GET", app + "/userStatuses", writer, null).status());
        assertEquals(403, send("GET", app + "/installSummary", writer, null).status());

        assertEquals(204, send("DELETE", app, writer, null).status());
    }

    private Answer send(String method, String path, String token, String body) {
        return GraphClient.send(GraphClient.request(graph.uri(path), token).header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }
}
