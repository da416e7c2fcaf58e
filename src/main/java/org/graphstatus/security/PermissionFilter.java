package org.graphstatus.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.graphstatus.odata.GraphError;
import org.graphstatus.odata.GraphException;

/**
 * Enforces {@code @RolesAllowed} on resource methods, with Graph's answers: 401 without a token, 403 naming
 * the permission that is missing. A resource method that declares neither {@code @RolesAllowed} nor
 * {@code @PermitAll} is refused, so a forgotten annotation fails closed.
 */
@Provider
@Priority(PermissionFilter.BEFORE_SERVER_CHECKS)
public class PermissionFilter implements ContainerRequestFilter {

    /**
     * Before any @RolesAllowed check the server adds, which would answer 403 without naming the permission
     * (Payara's is switched off in payara-web.xml).
     */
    static final int BEFORE_SERVER_CHECKS = Priorities.AUTHORIZATION - 100;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return; // JAX-RS's own OPTIONS answers, and what is public on purpose
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        SecurityContext caller = request.getSecurityContext();
        if (caller.getUserPrincipal() == null) {
            throw new NotAuthorizedException(GraphError.BEARER_CHALLENGE);
        }
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(caller::isUserInRole)) {
            throw GraphException.forbidden(allowed == null
                    ? "This operation is not open to any permission."
                    : "Missing permission: the token needs " + String.join(" or ", allowed.value()) + ".");
        }
    }
}
