package org.graphstatus;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The Graph beta endpoint: every resource lives under {@code /beta}, as on graph.microsoft.com. Resources
 * and providers are found by scanning; authentication is {@code security.BearerTokenMechanism}.
 */
@ApplicationPath("beta")
public class GraphApplication extends Application {

    /** Jersey answers OPTIONS with an XML description of the resources unless told not to; Graph does not. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
