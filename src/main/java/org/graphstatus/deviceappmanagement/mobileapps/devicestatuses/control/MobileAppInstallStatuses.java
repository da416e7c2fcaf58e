package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileAppDeleting;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.database.GroupCommit;
import org.graphstatus.database.ParentRows;
import org.graphstatus.database.TenantKey;
import org.graphstatus.database.TimeOrderedIds;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control.UserStatusDeleting;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control.UserAppInstallStatuses;
import org.graphstatus.odata.GraphException;
import org.graphstatus.database.Pages;
import org.graphstatus.odata.Page;
import org.graphstatus.odata.options.ODataQuery;

/**
 * Stores and finds device statuses under either parent: an app ({@code userStatusId} null) or a user status
 * of that app. The parents are checked first, so a status never points at what does not exist.
 */
@ApplicationScoped
public class MobileAppInstallStatuses {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pages pages;

    @Inject
    MobileApps mobileApps;

    @Inject
    UserAppInstallStatuses userStatuses;

    @Inject
    GroupCommit groupCommit;

    /**
     * Stores a new status; returns after the commit that holds it. Concurrent creates share a commit
     * ({@link GroupCommit}); one that fails there is made again alone and fails on its own.
     */
    public MobileAppInstallStatus create(String tenant, String appId, String userStatusId, MobileAppInstallStatus status) {
        return groupCommit.write(() -> insert(tenant, appId, userStatusId, status));
    }

    private MobileAppInstallStatus insert(String tenant, String appId, String userStatusId, MobileAppInstallStatus status) {
        if (userStatusId == null) {
            mobileApps.get(tenant, appId);
        } else {
            userStatuses.get(tenant, appId, userStatusId); // within the app, so the app exists too
        }
        status.initialize(tenant, TimeOrderedIds.next(), appId, userStatusId);
        em.persist(status);
        boolean parentHeld = userStatusId == null ? ParentRows.heldAfterInsert(em, MobileApp.class, tenant, appId)
                : ParentRows.heldAfterInsert(em, UserAppInstallStatus.class, tenant, userStatusId);
        if (!parentHeld) {
            throw GraphException.notFound("The " + (userStatusId == null ? "mobileApp '" + appId
                    : "userAppInstallStatus '" + userStatusId) + "' was deleted meanwhile.");
        }
        return status;
    }

    /** One page of the statuses under the parent that the query options choose. */
    public Page<MobileAppInstallStatus> list(String tenant, String appId, String userStatusId, ODataQuery query) {
        Parent parent = parent(tenant, appId, userStatusId);
        return pages.read(em, MobileAppInstallStatus.class, query, tenant, parent.attribute(), parent.id());
    }

    /** How many statuses under the parent {@code $filter} matches ({@code /$count}). */
    public long count(String tenant, String appId, String userStatusId, ODataQuery query) {
        Parent parent = parent(tenant, appId, userStatusId);
        return pages.count(em, MobileAppInstallStatus.class, query, tenant, parent.attribute(), parent.id());
    }

    /** The statuses' attribute that holds the parent's key, and that key. */
    private record Parent(String attribute, String id) {
    }

    /** The parent of a collection: the app, or a user status of it; @throws GraphException 404 when there is none. */
    private Parent parent(String tenant, String appId, String userStatusId) {
        if (userStatusId == null) {
            mobileApps.get(tenant, appId);
            return new Parent("mobileAppId", appId);
        }
        userStatuses.get(tenant, appId, userStatusId);
        return new Parent("userStatusId", userStatusId);
    }

    /** The status's {@code app} navigation: the app it belongs to, once the status is found under this parent. */
    public MobileApp app(String tenant, String appId, String userStatusId, String id) {
        return mobileApps.get(tenant, get(tenant, appId, userStatusId, id).getMobileAppId());
    }

    /** Applies {@code changes} (which may refuse them) to the status and commits them together. */
    @Transactional
    public MobileAppInstallStatus update(String tenant, String appId, String userStatusId, String id,
            Consumer<MobileAppInstallStatus> changes) {
        MobileAppInstallStatus status = get(tenant, appId, userStatusId, id);
        changes.accept(status);
        return status;
    }

    /** Removes the status from both of its routes: there is one row, whatever the route it was seen through. */
    @Transactional
    public void delete(String tenant, String appId, String userStatusId, String id) {
        em.remove(get(tenant, appId, userStatusId, id));
    }

    /** An app's device statuses go first when it is deleted: the user statuses they point at go after them. */
    void appDeleting(@Observes @Priority(Interceptor.Priority.APPLICATION) MobileAppDeleting app) {
        em.createNamedQuery(MobileAppInstallStatus.DELETE_BY_MOBILE_APP).setParameter("tenant", app.tenant())
                .setParameter("appId", app.appId()).executeUpdate();
    }

    void userStatusDeleting(@Observes UserStatusDeleting user) {
        em.createNamedQuery(MobileAppInstallStatus.DELETE_BY_USER_STATUS).setParameter("tenant", user.tenant())
                .setParameter("userStatusId", user.userStatusId())
                .executeUpdate();
    }

    /** @throws GraphException 404 unless the status exists under exactly this parent, in the tenant */
    public MobileAppInstallStatus get(String tenant, String appId, String userStatusId, String id) {
        MobileAppInstallStatus status = em.find(MobileAppInstallStatus.class, new TenantKey(tenant, id));
        boolean underParent = status != null && status.getMobileAppId().equals(appId)
                && (userStatusId == null || userStatusId.equals(status.getUserStatusId()));
        if (!underParent) {
            throw GraphException.notFound("The mobileAppInstallStatus '" + id + "' does not exist here.");
        }
        return status;
    }
}
