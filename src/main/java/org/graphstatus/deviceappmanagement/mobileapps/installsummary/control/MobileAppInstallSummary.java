package org.graphstatus.deviceappmanagement.mobileapps.installsummary.control;

import java.util.Map;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;

/** The counts of {@code microsoft.graph.mobileAppInstallSummary}: devices and users by install state. */
public record MobileAppInstallSummary(String id, Map<ResultantAppState, Long> devices, Map<ResultantAppState, Long> users) {

    public long devices(ResultantAppState state) {
        return devices.getOrDefault(state, 0L);
    }

    public long users(ResultantAppState state) {
        return users.getOrDefault(state, 0L);
    }
}
