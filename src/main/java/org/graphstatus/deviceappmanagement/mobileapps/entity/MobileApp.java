package org.graphstatus.deviceappmanagement.mobileapps.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.graphstatus.database.TenantKey;

/**
 * A {@code mobileApp}. The type is abstract in Graph and clients create derived types ({@code webApp},
 * {@code win32LobApp}, ...): the base properties are columns, the derived type's own properties are kept as
 * the JSON object they came in and returned unchanged.
 */
@Entity
@Table(name = "mobile_app")
@IdClass(TenantKey.class)
public class MobileApp {

    public static final int TEXT = 1000;
    public static final int LONG_TEXT = 10_000;
    /** Room for a list kept as JSON (roleScopeTagIds). */
    public static final int JSON = 65_536;
    /** Room for JSON that may hold an image (largeIcon, a derived type's properties): a whole body is at most 4 MiB. */
    public static final int LARGE_JSON = 4 * 1024 * 1024;

    /** The tenant the app belongs to: the {@code tid} of the token that created it. */
    @Id
    @Column(name = "tenant_id", length = 64, updatable = false)
    private String tenantId;
    @Id
    @Column(length = 36)
    private String id;

    /** The derived type, e.g. {@code #microsoft.graph.webApp}. */
    @Column(name = "odata_type", nullable = false, length = 200)
    private String odataType;

    @Column(name = "display_name", length = TEXT)
    private String displayName;
    @Column(length = LONG_TEXT)
    private String description;
    @Column(length = TEXT)
    private String publisher;
    @Column(length = TEXT)
    private String developer;
    @Column(length = TEXT)
    private String owner;
    @Column(length = LONG_TEXT)
    private String notes;
    @Column(name = "information_url", length = TEXT)
    private String informationUrl;
    @Column(name = "privacy_information_url", length = TEXT)
    private String privacyInformationUrl;
    @Column(name = "is_featured", nullable = false)
    private boolean isFeatured; // named as on the wire: $filter names it
    @Enumerated(EnumType.STRING)
    @Column(name = "publishing_state", nullable = false, length = 20)
    private MobileAppPublishingState publishingState = MobileAppPublishingState.notPublished;
    @Column(name = "upload_state", nullable = false)
    private int uploadState;

    /** {@code largeIcon} (a mimeContent) and {@code roleScopeTagIds} (strings), as JSON. */
    @Column(name = "large_icon", length = LARGE_JSON)
    private String largeIcon;
    @Column(name = "role_scope_tag_ids", length = JSON)
    private String roleScopeTagIds;
    /** The derived type's own properties, as a JSON object. */
    @Column(name = "derived_properties", nullable = false, length = LARGE_JSON)
    private String derivedProperties = "{}";

    @Column(name = "created_date_time", nullable = false, length = 40)
    private String createdDateTime;
    @Column(name = "last_modified_date_time", nullable = false, length = 40)
    private String lastModifiedDateTime;

    /** Stamps the server-kept values of a new app. */
    public void initialize(String tenant, String newId, String now) {
        this.tenantId = tenant;
        this.id = newId;
        this.createdDateTime = now;
        this.lastModifiedDateTime = now;
    }

    public void modified(String now) {
        this.lastModifiedDateTime = now;
    }

    public String getTenantId() { return tenantId; }
    public String getId() { return id; }
    public String getOdataType() { return odataType; }
    public void setOdataType(String odataType) { this.odataType = odataType; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPublisher() { return publisher; }
    public void setPublisher(String publisher) { this.publisher = publisher; }
    public String getDeveloper() { return developer; }
    public void setDeveloper(String developer) { this.developer = developer; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getInformationUrl() { return informationUrl; }
    public void setInformationUrl(String informationUrl) { this.informationUrl = informationUrl; }
    public String getPrivacyInformationUrl() { return privacyInformationUrl; }
    public void setPrivacyInformationUrl(String url) { this.privacyInformationUrl = url; }
    public boolean isFeatured() { return isFeatured; }
    public void setFeatured(boolean featured) { this.isFeatured = featured; }
    public MobileAppPublishingState getPublishingState() { return publishingState; }
    public void setPublishingState(MobileAppPublishingState state) { this.publishingState = state; }
    public int getUploadState() { return uploadState; }
    public void setUploadState(int uploadState) { this.uploadState = uploadState; }
    public String getLargeIcon() { return largeIcon; }
    public void setLargeIcon(String largeIcon) { this.largeIcon = largeIcon; }
    public String getRoleScopeTagIds() { return roleScopeTagIds; }
    public void setRoleScopeTagIds(String roleScopeTagIds) { this.roleScopeTagIds = roleScopeTagIds; }
    public String getDerivedProperties() { return derivedProperties; }
    public void setDerivedProperties(String derivedProperties) { this.derivedProperties = derivedProperties; }
    public String getCreatedDateTime() { return createdDateTime; }
    public String getLastModifiedDateTime() { return lastModifiedDateTime; }
}
