package org.graphstatus.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.regex.Pattern;
import org.graphstatus.odata.GraphError;

/**
 * The caller's tenant: every app, user status and device status belongs to one, and a caller reaches only
 * its own tenant's rows. It is read at the boundary and handed down explicitly, never looked up deeper: a
 * create may be written on another request's thread (database/GroupCommit).
 */
public final class Tenants {

    /** The tenant of tokens without {@code tid} unless {@code graph.tenants.default} names another. */
    public static final String DEFAULT = "00000000-0000-0000-0000-000000000000";

    /** What a tenant id may be: Entra's are GUIDs; any other issuer's fit a key column and a log line. */
    public static final String RULE = "1 to 64 letters, digits, '.', '_' or '-'";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Tenants() {
    }

    /** Whether {@code tenant} is a tenant id by {@link #RULE}. */
    public static boolean valid(String tenant) {
        return tenant != null && VALID.matcher(tenant).matches();
    }

    /** The verified caller's tenant; the permission check has refused a request without a token already. */
    public static String of(SecurityContext caller) {
        if (caller.getUserPrincipal() instanceof VerifiedToken token) {
            return token.tenant();
        }
        throw new NotAuthorizedException(GraphError.BEARER_CHALLENGE);
    }
}
