package org.graphstatus.batch;

import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Keeps the application's Jersey request pipeline, which Jersey hands to lifecycle listeners only, so that a
 * batch's requests can go through it in process ({@link InProcessRequest}). Static because Jersey, not CDI,
 * makes this listener; the WAR has one JAX-RS application.
 */
@Provider
public class JerseyHandler implements ContainerLifecycleListener {

    private static volatile ApplicationHandler handler;

    static ApplicationHandler get() {
        ApplicationHandler started = handler;
        if (started == null) {
            throw new IllegalStateException("The JAX-RS application has not started");
        }
        return started;
    }

    @Override
    public void onStartup(Container container) {
        handler = container.getApplicationHandler();
    }

    @Override
    public void onReload(Container container) {
        handler = container.getApplicationHandler();
    }

    @Override
    public void onShutdown(Container container) {
        handler = null;
    }
}
