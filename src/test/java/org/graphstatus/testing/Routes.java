package org.graphstatus.testing;

/** The API's paths under {@code /beta}, by the Graph path, so that tests name a route instead of spelling it. */
public final class Routes {

    public static final String APPS = "deviceAppManagement/mobileApps";

    private Routes() {
    }

    /** {@code deviceAppManagement/mobileApps/{appId}}. */
    public static String app(String appId) {
        return APPS + "/" + appId;
    }

    /** An app's statuses, all of them: {@code .../mobileApps/{appId}/deviceStatuses}. */
    public static String deviceStatuses(String appId) {
        return app(appId) + "/deviceStatuses";
    }

    /** One status, on the app's route: {@code .../mobileApps/{appId}/deviceStatuses/{id}}. */
    public static String deviceStatus(String appId, String id) {
        return deviceStatuses(appId) + "/" + id;
    }

    /** {@code .../mobileApps/{appId}/installSummary}. */
    public static String installSummary(String appId) {
        return app(appId) + "/installSummary";
    }

    /** An app's user statuses: {@code .../mobileApps/{appId}/userStatuses}. */
    public static String userStatuses(String appId) {
        return app(appId) + "/userStatuses";
    }

    /** One user status: {@code .../userStatuses/{userStatusId}}. */
    public static String userStatus(String appId, String userStatusId) {
        return userStatuses(appId) + "/" + userStatusId;
    }

    /** One user's statuses: {@code .../userStatuses/{userStatusId}/deviceStatuses}. */
    public static String deviceStatuses(String appId, String userStatusId) {
        return userStatus(appId, userStatusId) + "/deviceStatuses";
    }
}
