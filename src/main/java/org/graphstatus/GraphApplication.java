package org.graphstatus;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.graphstatus.security.Permissions;

/**
 * The Graph beta endpoint: every resource lives under {@code /beta}, as on graph.microsoft.com. Resources
 * and providers are found by scanning; authentication is {@code security.BearerTokenMechanism}. The Graph
 * permissions are the roles of {@code @RolesAllowed}; tokens grant them as scopes, app roles or groups.
 */
@ApplicationPath("beta")
@DeclareRoles({Permissions.READ_WRITE, Permissions.READ, Permissions.CONFIGURATION_READ_WRITE, Permissions.CONFIGURATION_READ,
        Permissions.MANAGED_DEVICES_READ_WRITE, Permissions.MANAGED_DEVICES_READ})
public class GraphApplication extends Application {

    /** Jersey answers OPTIONS with an XML description of the resources unless told not to; Graph does not. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
