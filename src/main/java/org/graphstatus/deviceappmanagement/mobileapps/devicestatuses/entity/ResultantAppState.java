package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity;

/**
 * Graph's {@code resultantAppState}, all members of the beta metadata (the API page omits
 * {@code pendingInstall}). The constants carry the member names exactly as they travel and are stored.
 */
public enum ResultantAppState {
    notApplicable, installed, failed, notInstalled, uninstallFailed, pendingInstall, unknown
}
