package org.graphstatus;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The Graph beta endpoint: every resource lives under {@code /beta}, as on graph.microsoft.com. Resources
 * and providers are found by scanning; authentication is {@code security.BearerTokenMechanism}.
 */
@ApplicationPath("beta")
public class GraphApplication extends Application {
}
