package org.graphstatus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.graphstatus.odata.GraphError;

/**
 * Authenticates {@code Authorization: Bearer} requests with {@link TokenVerifier}. A request without a token
 * goes on unauthenticated, and {@link PermissionFilter} refuses it where a permission is needed; a token that
 * fails verification is refused here, in Graph's envelope, because this runs before JAX-RS and its mappers.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    /**
     * Export files (reports' ExportDownloads): their URL is their authority, as a blob's SAS URL is, and a
     * client may send its Graph token along or none; either is ignored there.
     */
    private static final String EXPORT_FILES = "/exports/";

    @Inject
    TokenVerifier verifier;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || request.getRequestURI().startsWith(request.getContextPath() + EXPORT_FILES)) {
            return context.doNothing();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(request, response, "The Authorization header must carry a Bearer token.");
        }
        try {
            TokenVerification verification = verifier.verify(authorization.substring(BEARER.length()).trim());
            request.setAttribute(TokenVerification.ATTRIBUTE, verification);
            VerifiedToken token = verification.token();
            return context.notifyContainerAboutLogin(token, token.getGroups());
        } catch (InvalidTokenException e) {
            return refuse(request, response, e.getMessage());
        }
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            String message) {
        response.setHeader("WWW-Authenticate", GraphError.BEARER_CHALLENGE + ", error=\"invalid_token\"");
        try {
            GraphError.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
