package org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.graphstatus.deviceappmanagement.mobileapps.entity.MobileApp;

/**
 * A {@code userAppInstallStatus}: one user's install state of one app. Its device counts are not stored:
 * they are counted from its device statuses whenever it is read, so they cannot drift from them.
 */
@Entity
@Table(name = "user_app_install_status") // columns and indexes: db/migration, JPA never generates schema
@NamedQuery(name = UserAppInstallStatus.FIND_IN_APP,
        query = "SELECT u FROM UserAppInstallStatus u WHERE u.id = :id AND u.mobileApp.id = :appId")
public class UserAppInstallStatus {

    public static final String FIND_IN_APP = "UserAppInstallStatus.findInApp";

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "mobile_app_id", nullable = false, foreignKey = @ForeignKey(name = "fk_user_status_app"))
    private MobileApp mobileApp;

    /** The app's key, read-only: filtering and ordering by it needs no join (see Pages). */
    @Column(name = "mobile_app_id", insertable = false, updatable = false)
    private String mobileAppId;

    @Column(name = "user_name", length = MobileApp.TEXT)
    private String userName;

    @Column(name = "user_principal_name", length = MobileApp.TEXT)
    private String userPrincipalName;

    /** Counted from the device statuses when read (see {@link #counted}), never stored. */
    @Transient
    private long installedDeviceCount;
    @Transient
    private long failedDeviceCount;
    @Transient
    private long notInstalledDeviceCount;

    public void created(String newId, MobileApp app) {
        this.id = newId;
        this.mobileApp = app;
    }

    /** The user's device counts as they were just counted. */
    public void counted(long installed, long failed, long notInstalled) {
        this.installedDeviceCount = installed;
        this.failedDeviceCount = failed;
        this.notInstalledDeviceCount = notInstalled;
    }

    public String getId() { return id; }
    public long getInstalledDeviceCount() { return installedDeviceCount; }
    public long getFailedDeviceCount() { return failedDeviceCount; }
    public long getNotInstalledDeviceCount() { return notInstalledDeviceCount; }
    public MobileApp getMobileApp() { return mobileApp; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getUserPrincipalName() { return userPrincipalName; }
    public void setUserPrincipalName(String upn) { this.userPrincipalName = upn; }
}
