package org.graphstatus.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.graphstatus.odata.GraphError;

/**
 * The caller's tenant: every app, user status and device status belongs to one, and a caller reaches only
 * its own tenant's rows. It is read at the boundary and handed down explicitly, never looked up deeper: a
 * create may be written on another request's thread (database/GroupCommit).
 */
public final class Tenants {

    /** The tenant of tokens without {@code tid} unless {@code graph.tenants.default} names another. */
    public static final String DEFAULT = "00000000-0000-0000-0000-000000000000";

    private Tenants() {
    }

    /** The verified caller's tenant; the permission check has refused a request without a token already. */
    public static String of(SecurityContext caller) {
        if (caller.getUserPrincipal() instanceof VerifiedToken token) {
            return token.tenant();
        }
        throw new NotAuthorizedException(GraphError.BEARER_CHALLENGE);
    }
}
