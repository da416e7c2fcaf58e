package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.graphstatus.database.TenantKey;

/**
 * A {@code userAppInstallStatus}: one user's install state of one app. Its device counts are not stored:
 * they are counted from its device statuses whenever it is read, so they cannot drift from them.
 */
@Entity
@Table(name = "user_app_install_status") // columns and indexes: db/migration, JPA never generates schema
@IdClass(TenantKey.class)
@NamedQuery(name = UserAppInstallStatus.FIND_IN_APP, query = "SELECT u FROM UserAppInstallStatus u "
        + "WHERE u.tenantId = :tenant AND u.mobileAppId = :appId AND u.id = :id")
@NamedQuery(name = UserAppInstallStatus.IN_APP,
        query = "SELECT u FROM UserAppInstallStatus u WHERE u.tenantId = :tenant AND u.mobileAppId = :appId")
@NamedQuery(name = UserAppInstallStatus.DELETE_BY_MOBILE_APP,
        query = "DELETE FROM UserAppInstallStatus u WHERE u.tenantId = :tenant AND u.mobileAppId = :appId")
public class UserAppInstallStatus {

    /** The length of a text column (db/migration). */
    public static final int TEXT = 1000;
    public static final String FIND_IN_APP = "UserAppInstallStatus.findInApp";
    public static final String DELETE_BY_MOBILE_APP = "UserAppInstallStatus.deleteByMobileApp";
    public static final String IN_APP = "UserAppInstallStatus.inApp";

    @Id
    @Column(name = "tenant_id", length = 64, updatable = false)
    private String tenantId;
    @Id
    @Column(length = 36)
    private String id;

    /** The app's key, not a relationship, for the reasons MobileAppInstallStatus gives (fk_user_status_app keeps it whole). */
    @Column(name = "mobile_app_id", nullable = false, length = 36, updatable = false)
    private String mobileAppId;

    @Column(name = "user_name", length = TEXT)
    private String userName;

    @Column(name = "user_principal_name", length = TEXT)
    private String userPrincipalName;

    /** Counted from the device statuses when read (see {@link #counted}), never stored. */
    @Transient
    private long installedDeviceCount;
    @Transient
    private long failedDeviceCount;
    @Transient
    private long notInstalledDeviceCount;

    public void initialize(String tenant, String newId, String appId) {
        this.tenantId = tenant;
        this.id = newId;
        this.mobileAppId = appId;
    }

    /** The user's device counts as they were just counted. */
    public void counted(long installed, long failed, long notInstalled) {
        this.installedDeviceCount = installed;
        this.failedDeviceCount = failed;
        this.notInstalledDeviceCount = notInstalled;
    }

    public String getTenantId() { return tenantId; }
    public String getId() { return id; }
    public long getInstalledDeviceCount() { return installedDeviceCount; }
    public long getFailedDeviceCount() { return failedDeviceCount; }
    public long getNotInstalledDeviceCount() { return notInstalledDeviceCount; }
    public String getMobileAppId() { return mobileAppId; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public void setUserPrincipalName(String upn) { this.userPrincipalName = upn; }
}
