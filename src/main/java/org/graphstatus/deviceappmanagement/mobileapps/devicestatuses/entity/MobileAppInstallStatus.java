package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.graphstatus.database.TenantKey;

/**
 * A {@code mobileAppInstallStatus}: one device's install state of one app. It always belongs to its app;
 * one created under a user status belongs to that user status too, which belongs to the same app.
 */
@Entity
@Table(name = "mobile_app_install_status") // columns and indexes: db/migration, JPA never generates schema
@IdClass(TenantKey.class)
@NamedQuery(name = MobileAppInstallStatus.COUNT_BY_USER_STATUS_AND_INSTALL_STATE,
        query = "SELECT d.userStatusId, d.installState, COUNT(d) FROM MobileAppInstallStatus d "
                + "WHERE d.tenantId = :tenant AND d.userStatusId IN :userStatusIds GROUP BY d.userStatusId, d.installState")
@NamedQuery(name = MobileAppInstallStatus.COUNT_APP_BY_USER_AND_INSTALL_STATE,
        query = "SELECT d.userStatusId, d.installState, COUNT(d) FROM MobileAppInstallStatus d "
                + "WHERE d.tenantId = :tenant AND d.mobileAppId = :appId GROUP BY d.userStatusId, d.installState")
@NamedQuery(name = MobileAppInstallStatus.DELETE_BY_MOBILE_APP,
        query = "DELETE FROM MobileAppInstallStatus d WHERE d.tenantId = :tenant AND d.mobileAppId = :appId")
@NamedQuery(name = MobileAppInstallStatus.DELETE_BY_USER_STATUS,
        query = "DELETE FROM MobileAppInstallStatus d WHERE d.tenantId = :tenant AND d.userStatusId = :userStatusId")
public class MobileAppInstallStatus {

    /** The length of a text column (db/migration). */
    public static final int TEXT = 1000;
    public static final String COUNT_BY_USER_STATUS_AND_INSTALL_STATE = "MobileAppInstallStatus.countByUserStatusAndInstallState";
    public static final String COUNT_APP_BY_USER_AND_INSTALL_STATE = "MobileAppInstallStatus.countAppByUserAndInstallState";
    public static final String DELETE_BY_MOBILE_APP = "MobileAppInstallStatus.deleteByMobileApp";
    public static final String DELETE_BY_USER_STATUS = "MobileAppInstallStatus.deleteByUserStatus";

    @Id
    @Column(name = "tenant_id", length = 64, updatable = false)
    private String tenantId;
    @Id
    @Column(length = 36)
    private String id;

    /**
     * The parents' keys, not relationships: a status is written and read without loading its parents (a
     * parent deleted meanwhile then fails the foreign key, a 409, instead of a lazy load finding nothing), and
     * filtering and ordering by them need no join (see Pages). The database keeps them whole
     * (fk_device_status_app, fk_device_status_user).
     */
    @Column(name = "mobile_app_id", nullable = false, length = 36, updatable = false)
    private String mobileAppId;
    @Column(name = "user_status_id", length = 36, updatable = false)
    private String userStatusId;

    @Column(name = "device_name", length = TEXT)
    private String deviceName;
    @Column(name = "device_id", length = TEXT)
    private String deviceId;
    @Column(name = "display_version", length = TEXT)
    private String displayVersion;
    @Column(name = "error_code", nullable = false)
    private int errorCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "install_state", nullable = false, length = 20)
    private ResultantAppState installState;
    @Enumerated(EnumType.STRING)
    @Column(name = "install_state_detail", nullable = false, length = 40)
    private ResultantAppStateDetail installStateDetail;
    @Enumerated(EnumType.STRING)
    @Column(name = "mobile_app_install_status_value", nullable = false, length = 20)
    private ResultantAppState mobileAppInstallStatusValue;

    /** As sent, offset and digits kept; {@link #lastSyncTicks} orders by instant. */
    @Column(name = "last_sync_date_time", nullable = false, length = 40)
    private String lastSyncDateTime;
    @Column(name = "last_sync_ticks", nullable = false)
    private long lastSyncTicks;

    @Column(name = "os_version", length = TEXT)
    private String osVersion;
    @Column(name = "os_description", length = TEXT)
    private String osDescription;
    @Column(name = "user_name", length = TEXT)
    private String userName;
    @Column(name = "user_principal_name", length = TEXT)
    private String userPrincipalName;

    /** Gives a new status its key and its parents: an app, and a user status of that app or none. */
    public void initialize(String tenant, String newId, String appId, String userStatusId) {
        this.tenantId = tenant;
        this.id = newId;
        this.mobileAppId = appId;
        this.userStatusId = userStatusId;
    }

    public String getTenantId() { return tenantId; }
    public String getId() { return id; }
    public String getMobileAppId() { return mobileAppId; }
    public String getUserStatusId() { return userStatusId; }
    public String getDeviceName() { return deviceName; }
    public void setDeviceName(String deviceName) { this.deviceName = deviceName; }
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public String getDisplayVersion() { return displayVersion; }
    public void setDisplayVersion(String displayVersion) { this.displayVersion = displayVersion; }
    public int getErrorCode() { return errorCode; }
    public void setErrorCode(int errorCode) { this.errorCode = errorCode; }
    public ResultantAppState getInstallState() { return installState; }
    public void setInstallState(ResultantAppState installState) { this.installState = installState; }
    public ResultantAppStateDetail getInstallStateDetail() { return installStateDetail; }
    public void setInstallStateDetail(ResultantAppStateDetail detail) { this.installStateDetail = detail; }
    public ResultantAppState getMobileAppInstallStatusValue() { return mobileAppInstallStatusValue; }
    public void setMobileAppInstallStatusValue(ResultantAppState value) { this.mobileAppInstallStatusValue = value; }
    /** The time as the client wrote it, which the answer repeats. */
    public String getLastSyncDateTime() { return lastSyncDateTime; }
    /** The same time in 100 ns ticks since 0001-01-01, which $filter and $orderby compare. */
    public long getLastSyncTicks() { return lastSyncTicks; }
    public void setLastSync(String text, long ticks) {
        this.lastSyncDateTime = text;
        this.lastSyncTicks = ticks;
    }
    public String getOsVersion() { return osVersion; }
    public void setOsVersion(String osVersion) { this.osVersion = osVersion; }
    public String getOsDescription() { return osDescription; }
    public void setOsDescription(String osDescription) { this.osDescription = osDescription; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public void setUserPrincipalName(String upn) { this.userPrincipalName = upn; }
}
