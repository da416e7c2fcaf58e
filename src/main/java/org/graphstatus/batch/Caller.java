package org.graphstatus.batch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.security.Principal;
import java.util.Set;
import org.graphstatus.security.Permissions;

/**
 * Who sent a batch and where, taken once on the batch's own thread: the requests run on other threads, where
 * the batch's request-bound objects cannot be asked. Its security answers are the batch's: its principal (the
 * verified token) and the permissions it holds.
 *
 * @param base the batch's base URI as the client reached it ({@code .../beta/}), which answers name
 * @param batch the batch's servlet request, valid until the batch answers
 * @param clientRequestId the batch's {@code client-request-id}, or null
 */
record Caller(URI base, HttpServletRequest batch, String clientRequestId, Principal principal, Set<String> permissions,
        boolean secure, String scheme) implements SecurityContext {

    static Caller of(URI base, HttpServletRequest batch, String clientRequestId, SecurityContext security) {
        Set<String> held = Set.copyOf(Permissions.ALL.stream().filter(security::isUserInRole).toList());
        return new Caller(base, batch, clientRequestId, security.getUserPrincipal(), held, security.isSecure(),
                security.getAuthenticationScheme());
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return permissions.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
