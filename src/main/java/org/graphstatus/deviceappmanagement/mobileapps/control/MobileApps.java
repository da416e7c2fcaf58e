package org.graphstatus.deviceappmanagement.mobileapps.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;

/** Stores and finds mobile apps, the parents of every status. */
@ApplicationScoped
public class MobileApps {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public MobileApp create(MobileApp app) {
        app.created(UUID.randomUUID().toString(), DateTimeOffset.now());
        em.persist(app);
        return app;
    }

    /** @throws GraphException 404 when there is no such app */
    public MobileApp get(String id) {
        MobileApp app = em.find(MobileApp.class, id);
        if (app == null) {
            throw GraphException.notFound("The mobileApp '" + id + "' does not exist.");
        }
        return app;
    }
}
