package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.DeviceStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.Pages;
import org.graphstatus.odata.Pages.Page;
import org.graphstatus.odata.options.ODataQuery;

/** Stores and finds user statuses, always within their app. */
@ApplicationScoped
public class UserStatuses {

    @PersistenceContext
    EntityManager em;

    @Inject
    MobileApps mobileApps;

    @Transactional
    public UserAppInstallStatus create(String appId, UserAppInstallStatus status) {
        status.created(UUID.randomUUID().toString(), mobileApps.get(appId));
        em.persist(status);
        return status;
    }

    /** @throws GraphException 404 when the app has no such user status (another app's counts as none) */
    public UserAppInstallStatus get(String appId, String id) {
        return em.createNamedQuery(UserAppInstallStatus.FIND_IN_APP, UserAppInstallStatus.class)
                .setParameter("id", id)
                .setParameter("appId", appId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> GraphException.notFound(
                        "The userAppInstallStatus '" + id + "' does not exist in mobileApp '" + appId + "'."));
    }

    @Transactional
    public UserAppInstallStatus update(String appId, String id, Consumer<UserAppInstallStatus> changes) {
        UserAppInstallStatus status = get(appId, id);
        changes.accept(status);
        return status;
    }

    /** Removes the user status and the device statuses it contains, together. */
    @Transactional
    public void delete(String appId, String id) {
        UserAppInstallStatus status = get(appId, id);
        em.createNamedQuery(DeviceStatus.DELETE_BY_USER_STATUS).setParameter("userStatusId", id).executeUpdate();
        em.remove(status);
    }

    /** One page of the app's user statuses that the query options choose. */
    public Page<UserAppInstallStatus> list(String appId, ODataQuery query) {
        mobileApps.get(appId);
        return Pages.read(em, UserAppInstallStatus.class, query, "mobileAppId", appId);
    }

    /** How many of the app's user statuses {@code $filter} matches ({@code /$count}). */
    public long count(String appId, ODataQuery query) {
        mobileApps.get(appId);
        return Pages.count(em, UserAppInstallStatus.class, query, "mobileAppId", appId);
    }

    /** The user status's {@code app} navigation: the app it belongs to. */
    public MobileApp app(String appId, String id) {
        get(appId, id);
        return mobileApps.get(appId);
    }

    /** Sets each user's device counts, counted now from their device statuses in one query; returns them. */
    public <C extends Collection<UserAppInstallStatus>> C counted(C users) {
        if (users.isEmpty()) {
            return users;
        }
        var counts = new HashMap<String, Map<ResultantAppState, Long>>();
        em.createNamedQuery(DeviceStatus.COUNT_BY_USER_STATUS_AND_INSTALL_STATE, Object[].class)
                .setParameter("userStatusIds", users.stream().map(UserAppInstallStatus::getId).toList())
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], id -> new EnumMap<>(ResultantAppState.class))
                        .put((ResultantAppState) row[1], (Long) row[2]));
        users.forEach(user -> {
            Map<ResultantAppState, Long> byState = counts.getOrDefault(user.getId(), Map.of());
            user.counted(byState.getOrDefault(ResultantAppState.installed, 0L),
                    byState.getOrDefault(ResultantAppState.failed, 0L),
                    byState.getOrDefault(ResultantAppState.notInstalled, 0L));
        });
        return users;
    }

    /** The same for one user status. */
    public UserAppInstallStatus counted(UserAppInstallStatus user) {
        counted(List.of(user));
        return user;
    }
}
