package org.graphstatus.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment of every black-box test: the WAR the build produced, exactly as users get it. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        String path = System.getProperty("graph.war", "target/graph-install-status.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }
}
