package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control;

/** Fired inside the transaction that deletes a user status, before its row goes (see MobileAppDeleting). */
public record UserStatusDeleting(String tenant, String appId, String userStatusId) {
}
