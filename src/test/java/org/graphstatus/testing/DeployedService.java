package org.graphstatus.testing;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one deployment of every black-box test: the WAR the build produced, exactly as users get it, on its
 * own Payara Micro with the run's server-config file; tests talk to it over HTTP through {@link #graph}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedService {

    @ArquillianResource
    URL base;

    protected GraphClient graph;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("graph.war")));
    }

    @BeforeEach
    void connect() {
        graph = new GraphClient(base);
    }
}
