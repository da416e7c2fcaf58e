package org.graphstatus.deviceappmanagement.mobileapps.control;

/**
 * Fired inside the transaction that deletes an app, before the app's row goes: each feature whose rows the
 * app contains observes it and deletes them, so the app needs to know none of them.
 */
public record MobileAppDeleting(String tenant, String appId) {
}
