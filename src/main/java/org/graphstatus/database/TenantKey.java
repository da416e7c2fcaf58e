package org.graphstatus.database;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of every stored row: its tenant and its id ({@code @IdClass} of the entities). With the tenant in
 * the key, {@code em.find} can only reach the caller's own rows, and every lookup by key names the tenant.
 */
public final class TenantKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String tenantId;
    private String id;

    public TenantKey() {
        // for JPA
    }

    public TenantKey(String tenantId, String id) {
        this.tenantId = Objects.requireNonNull(tenantId);
        this.id = Objects.requireNonNull(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantKey key && tenantId.equals(key.tenantId) && id.equals(key.id);
    }

    @Override
    public int hashCode() {
        return 31 * tenantId.hashCode() + id.hashCode();
    }

    @Override
    public String toString() {
        return tenantId + "/" + id;
    }
}
