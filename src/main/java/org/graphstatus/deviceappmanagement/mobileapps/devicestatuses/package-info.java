/**
 * {@code mobileAppInstallStatus}: where an app is installed, one status per device, reached through either
 * navigation of Graph beta, {@code mobileApps/{id}/deviceStatuses} and
 * {@code mobileApps/{id}/userStatuses/{id}/deviceStatuses}.
 *
 * <p>Invariants: every status belongs to an existing app; one created under a user status belongs to that
 * user status and to its app, so it appears in both collections. The server makes every key. The
 * non-nullable properties always hold a value: the client's, or the default {@code MobileAppInstallStatusJson}
 * documents. {@code lastSyncDateTime} is kept as the client wrote it and ordered by its instant.
 */
package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;
