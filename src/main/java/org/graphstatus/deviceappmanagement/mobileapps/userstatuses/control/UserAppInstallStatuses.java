package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.graphstatus.database.ParentRows;
import org.graphstatus.database.TimeOrderedIds;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileAppDeleting;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.GraphException;
import org.graphstatus.database.Pages;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.ODataQuery;

/** Stores and finds user statuses, always within their app and the caller's tenant. */
@ApplicationScoped
public class UserAppInstallStatuses {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    MobileApps mobileApps;

    @Inject
    Event<UserStatusDeleting> deleting;

    @Transactional
    public UserAppInstallStatus create(String tenant, String appId, UserAppInstallStatus status) {
        mobileApps.get(tenant, appId);
        status.initialize(tenant, TimeOrderedIds.next(), appId);
        em.persist(status);
        if (!ParentRows.heldAfterInsert(em, MobileApp.class, tenant, appId)) {
            throw GraphException.notFound("The mobileApp '" + appId + "' was deleted meanwhile.");
        }
        return status;
    }

    /** @throws GraphException 404 when the app has no such user status (another app's counts as none) */
    public UserAppInstallStatus get(String tenant, String appId, String id) {
        return inApp(tenant, appId, id).getResultStream().findFirst().orElseThrow(() -> notFound(appId, id));
    }

    private TypedQuery<UserAppInstallStatus> inApp(String tenant, String appId, String id) {
        return em.createNamedQuery(UserAppInstallStatus.FIND_IN_APP, UserAppInstallStatus.class)
                .setParameter("tenant", tenant)
                .setParameter("id", id)
                .setParameter("appId", appId);
    }

    private static GraphException notFound(String appId, String id) {
        return GraphException.notFound("The userAppInstallStatus '" + id + "' does not exist in mobileApp '" + appId + "'.");
    }

    @Transactional
    public UserAppInstallStatus update(String tenant, String appId, String id, Consumer<UserAppInstallStatus> changes) {
        UserAppInstallStatus status = get(tenant, appId, id);
        changes.accept(status);
        return status;
    }

    /** Removes the user status with the device statuses it contains, all or nothing (see MobileApps.delete). */
    @Transactional
    public void delete(String tenant, String appId, String id) {
        UserAppInstallStatus status = inApp(tenant, appId, id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .findFirst().orElseThrow(() -> notFound(appId, id));
        deleting.fire(new UserStatusDeleting(tenant, appId, id));
        em.remove(status);
    }

    /**
     * First of all when an app is deleted: its user statuses' rows are locked, so that a create under one of
     * them either commits before the device statuses are read for deleting, or finds its parent gone.
     */
    void lockForAppDelete(@Observes @Priority(Interceptor.Priority.APPLICATION - 100) MobileAppDeleting app) {
        em.createNamedQuery(UserAppInstallStatus.IN_APP, UserAppInstallStatus.class)
                .setParameter("tenant", app.tenant()).setParameter("appId", app.appId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** An app's user statuses go with it, after the device statuses under them (their observer comes first). */
    void appDeleting(@Observes MobileAppDeleting app) {
        em.createNamedQuery(UserAppInstallStatus.DELETE_BY_MOBILE_APP).setParameter("tenant", app.tenant())
                .setParameter("appId", app.appId()).executeUpdate();
    }

    /** One page of the app's user statuses that the query options choose. */
    public Page<UserAppInstallStatus> list(String tenant, String appId, ODataQuery query) {
        mobileApps.get(tenant, appId);
        return pages.read(em, UserAppInstallStatus.class, query, tenant, "mobileAppId", appId);
    }

    /** How many of the app's user statuses {@code $filter} matches ({@code /$count}). */
    public long count(String tenant, String appId, ODataQuery query) {
        mobileApps.get(tenant, appId);
        return pages.count(em, UserAppInstallStatus.class, query, tenant, "mobileAppId", appId);
    }

    /** The user status's {@code app} navigation: the app it belongs to. */
    public MobileApp app(String tenant, String appId, String id) {
        get(tenant, appId, id);
        return mobileApps.get(tenant, appId);
    }
}
