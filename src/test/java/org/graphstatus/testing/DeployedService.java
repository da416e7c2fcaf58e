package org.graphstatus.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A black-box test: the WAR the build produced, exactly as users get it, on the run's one Payara Micro
 * ({@link SharedServer}) with the run's server-config file; tests talk to it over HTTP through {@link #graph}.
 */
@ExtendWith(SharedServer.class)
public abstract class DeployedService {

    protected GraphClient graph;

    @BeforeEach
    void connect(GraphClient server) {
        graph = server;
    }
}
