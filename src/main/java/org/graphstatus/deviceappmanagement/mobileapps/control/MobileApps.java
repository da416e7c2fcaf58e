package org.graphstatus.deviceappmanagement.mobileapps.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.graphstatus.database.TenantKey;
import org.graphstatus.database.TimeOrderedIds;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;
import org.graphstatus.database.Pages;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.ODataQuery;

/** Stores and finds mobile apps, the parents of every status; each call reaches one tenant's apps only. */
@ApplicationScoped
public class MobileApps {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    Event<MobileAppDeleting> deleting;

    @Transactional
    public MobileApp create(String tenant, MobileApp app) {
        app.initialize(tenant, TimeOrderedIds.next(), DateTimeOffset.now().text());
        em.persist(app);
        return app;
    }

    public Page<MobileApp> list(String tenant, ODataQuery query) {
        return pages.read(em, MobileApp.class, query, tenant, null, null);
    }

    /** How many apps {@code $filter} matches ({@code /$count}). */
    public long count(String tenant, ODataQuery query) {
        return pages.count(em, MobileApp.class, query, tenant, null, null);
    }

    /** Applies {@code changes} and stamps {@code lastModifiedDateTime}, in one transaction. */
    @Transactional
    public MobileApp update(String tenant, String id, Consumer<MobileApp> changes) {
        MobileApp app = get(tenant, id);
        changes.accept(app);
        app.modified(DateTimeOffset.now().text());
        return app;
    }

    /**
     * Removes the app with everything it contains, all or nothing: the features that keep rows under it delete
     * them first, in this transaction ({@link MobileAppDeleting}). Not by ON DELETE CASCADE: H2 2.2's cascade
     * leaves rows behind while other transactions write the same table (seen in ControlLayerIT), where its
     * plain DELETE does not. The app's row is locked first, so that a create under it either commits before
     * the rows under the app are read for deleting, or finds the app gone (see database/ParentRows).
     */
    @Transactional
    public void delete(String tenant, String id) {
        MobileApp app = em.find(MobileApp.class, new TenantKey(tenant, id), LockModeType.PESSIMISTIC_WRITE);
        if (app == null) {
            throw GraphException.notFound("The mobileApp '" + id + "' does not exist.");
        }
        deleting.fire(new MobileAppDeleting(tenant, id));
        em.remove(app);
    }

    /** @throws GraphException 404 when the tenant has no such app (another tenant's counts as none) */
    public MobileApp get(String tenant, String id) {
        MobileApp app = em.find(MobileApp.class, new TenantKey(tenant, id));
        if (app == null) {
            throw GraphException.notFound("The mobileApp '" + id + "' does not exist.");
        }
        return app;
    }
}
