package org.graphstatus.deviceappmanagement.mobileapps.installsummary.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graphstatus.database.QueryBulkhead;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;

/**
 * Every count of install states, counted from the device statuses when read, so none can drift from them:
 * an app's {@code installSummary} and a user status's three device counts. In the summary a user counts
 * once, in the state that needs the most attention among the user's devices (failed, then pendingInstall,
 * notInstalled, installed, notApplicable), as the Intune admin center shows users; devices in
 * {@code unknown} or {@code uninstallFailed} count in no user state.
 */
@ApplicationScoped
public class InstallCounts {

    /** Most urgent first: a user with one failed device is a failed user. */
    public static final List<ResultantAppState> USER_STATE_PRECEDENCE = List.of(ResultantAppState.failed,
            ResultantAppState.pendingInstall, ResultantAppState.notInstalled, ResultantAppState.installed,
            ResultantAppState.notApplicable);

    @PersistenceContext
    EntityManager em;

    @Inject
    MobileApps mobileApps;

    @Inject
    QueryBulkhead bulkhead;

    /**
     * The app's summary from one query (devices by user and state), so its device and user counts describe
     * the same moment: two queries would each see the statuses as they were when it ran.
     */
    public MobileAppInstallSummary summary(String tenant, String appId) {
        mobileApps.get(tenant, appId);
        return counted(tenant, appId);
    }

    /** The same counts for an app that may not exist: an unknown app has none. */
    public MobileAppInstallSummary counted(String tenant, String appId) {
        var devices = new EnumMap<ResultantAppState, Long>(ResultantAppState.class);
        Map<String, ResultantAppState> userStates = new HashMap<>();
        // it counts every status of the app: as costly as a /$count, and bounded with them
        bulkhead.admit(() -> em.createNamedQuery(MobileAppInstallStatus.COUNT_APP_BY_USER_AND_INSTALL_STATE, Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("appId", appId)
                .getResultList())
                .forEach(row -> {
                    var state = (ResultantAppState) row[1];
                    devices.merge(state, (Long) row[2], Long::sum);
                    if (row[0] != null) {
                        userStates.merge((String) row[0], state, InstallCounts::moreUrgent);
                    }
                });
        var users = new EnumMap<ResultantAppState, Long>(ResultantAppState.class);
        userStates.values().stream()
                .filter(USER_STATE_PRECEDENCE::contains)
                .forEach(state -> users.merge(state, 1L, Long::sum));
        return new MobileAppInstallSummary(appId, devices, users);
    }

    /** Sets each user's device counts, counted now from their device statuses in one query; returns them. */
    public <C extends Collection<UserAppInstallStatus>> C counted(C users) {
        if (users.isEmpty()) {
            return users;
        }
        var counts = new HashMap<String, Map<ResultantAppState, Long>>();
        // the users are one tenant's: they were read with its key
        em.createNamedQuery(MobileAppInstallStatus.COUNT_BY_USER_STATUS_AND_INSTALL_STATE, Object[].class)
                .setParameter("tenant", users.iterator().next().getTenantId())
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

    private static ResultantAppState moreUrgent(ResultantAppState a, ResultantAppState b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(ResultantAppState state) {
        int rank = USER_STATE_PRECEDENCE.indexOf(state);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
