package org.graphstatus.deviceappmanagement.mobileapps.installsummary.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.DeviceStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;

/**
 * An app's {@code installSummary}, counted from its device statuses when it is read, so it cannot drift
 * from them. A user counts once, in the state that needs the most attention among the user's devices
 * (failed, then pendingInstall, notInstalled, installed, notApplicable), as the Intune admin center
 * shows users; devices in {@code unknown} or {@code uninstallFailed} count in no user state.
 */
@ApplicationScoped
public class InstallSummaries {

    /** Most urgent first: a user with one failed device is a failed user. */
    private static final List<ResultantAppState> USER_STATE_PRECEDENCE = List.of(ResultantAppState.failed,
            ResultantAppState.pendingInstall, ResultantAppState.notInstalled, ResultantAppState.installed,
            ResultantAppState.notApplicable);

    @PersistenceContext
    EntityManager em;

    @Inject
    MobileApps mobileApps;

    /** Both counts in one transaction, so they describe the same moment (PostgreSQL: one snapshot per statement). */
    @Transactional
    public MobileAppInstallSummary of(String appId) {
        mobileApps.get(appId);
        var devices = new EnumMap<ResultantAppState, Long>(ResultantAppState.class);
        em.createNamedQuery(DeviceStatus.COUNT_APP_BY_INSTALL_STATE, Object[].class)
                .setParameter("appId", appId)
                .getResultList()
                .forEach(row -> devices.put((ResultantAppState) row[0], (Long) row[1]));
        Map<String, ResultantAppState> userStates = new HashMap<>();
        em.createNamedQuery(DeviceStatus.COUNT_APP_BY_USER_AND_INSTALL_STATE, Object[].class)
                .setParameter("appId", appId)
                .getResultList()
                .forEach(row -> userStates.merge((String) row[0], (ResultantAppState) row[1], InstallSummaries::moreUrgent));
        var users = new EnumMap<ResultantAppState, Long>(ResultantAppState.class);
        userStates.values().stream()
                .filter(USER_STATE_PRECEDENCE::contains)
                .forEach(state -> users.merge(state, 1L, Long::sum));
        return new MobileAppInstallSummary(appId, devices, users);
    }

    private static ResultantAppState moreUrgent(ResultantAppState a, ResultantAppState b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(ResultantAppState state) {
        int rank = USER_STATE_PRECEDENCE.indexOf(state);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
