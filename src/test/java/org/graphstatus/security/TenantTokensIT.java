package org.graphstatus.security;

import static org.graphstatus.testing.GraphClient.APPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenant settings of tokens, each server started with its own (they boot side by side):
 * <ul>
 * <li>a multi-tenant server, as Microsoft's multi-tenant applications validate tokens: the issuer is the template
 * {@code https://login.microsoftonline.com/{tenantid}/v2.0} and two tenants are allowed. A token's {@code iss} must
 * be the template with its own {@code tid}, and its tenant on the list;</li>
 * <li>a single-tenant server: the fixed (development) issuer, checked as before, with one tenant allowed, which is
 * also the default tenant, so that tokens without {@code tid} are its tokens.</li>
 * </ul>
 * Every refused token is sent twice: the second time it would come from the token cache, were it kept there.
 */
class TenantTokensIT {

    private static final Path WORK = Path.of("target", "tenant-tokens");
    private static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private static final String CONTOSO = "3f1c2a9e-5b7d-4e21-9c84-0a6d2b1e7f35";
    private static final String FABRIKAM = "d5c9c3a1-7a2e-4e3b-9a1e-5b0f3c2d1e00";
    private static final String NORTHWIND = "0b1e6a4c-2f3d-4c5b-8a9e-7d6c5b4a3f21";

    private static PayaraProcess multiTenant;
    private static PayaraProcess singleTenant;

    @BeforeAll
    static void start() {
        var multi = CompletableFuture.supplyAsync(() -> start("multi-tenant", Map.of(
                "MP_JWT_VERIFY_ISSUER", TEMPLATE,
                "GRAPH_TENANTS_ALLOWED", CONTOSO + "," + FABRIKAM)));
        var single = CompletableFuture.supplyAsync(() -> start("single-tenant", Map.of(
                "GRAPH_TENANTS_ALLOWED", CONTOSO,
                "GRAPH_TENANTS_DEFAULT", CONTOSO)));
        multiTenant = multi.join();
        singleTenant = single.join();
    }

    @AfterAll
    static void stop() {
        for (PayaraProcess server : new PayaraProcess[] {multiTenant, singleTenant}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void theTemplateAdmitsEachAllowedTenantWhoseIssuerNamesIt() {
        for (String tenant : List.of(CONTOSO, FABRIKAM)) {
            String token = token(b -> b.issuer(issuerOf(tenant)).claim("tid", tenant));
            Answer created = createApp(multiTenant, token);
            assertEquals(201, created.status(), tenant + ": " + created.body());
            Answer listed = listApps(multiTenant, token);
            assertEquals(200, listed.status(), tenant + ": " + listed.body());
        }
    }

    @Test
    void underTheTemplateATenantNotOnTheListIsRefused() {
        assertRefused(multiTenant, token(b -> b.issuer(issuerOf(NORTHWIND)).claim("tid", NORTHWIND)),
                "The tenant '" + NORTHWIND + "' is not allowed to use this service.");
    }

    /** Microsoft's common keys sign every tenant's tokens: only iss and tid together say whose token it is. */
    @Test
    void underTheTemplateATokenWhoseIssuerIsNotItsTenantsIsRefused() {
        String contosoApps = readableApps(multiTenant, CONTOSO);
        for (String issuer : List.of(issuerOf(FABRIKAM), issuerOf(NORTHWIND), "https://sts.windows.net/" + CONTOSO + "/",
                issuerOf(CONTOSO) + "/", TEMPLATE, Tokens.ISSUER)) {
            assertRefused(multiTenant, token(b -> b.issuer(issuer).claim("tid", CONTOSO)),
                    "Access token validation failure: the issuer does not match the tenant '" + CONTOSO + "'.");
        }
        assertEquals(contosoApps, readableApps(multiTenant, CONTOSO), "nothing was stored");
    }

    @Test
    void underTheTemplateATokenWithoutTidIsRefused() {
        for (String issuer : List.of(TEMPLATE, issuerOf(CONTOSO))) {
            assertRefused(multiTenant, token(b -> b.issuer(issuer).claim("tid", null)),
                    "Access token validation failure: the token names no tenant (tid), which its issuer must match.");
        }
    }

    /** Rows are stored under the tid, in a VARCHAR(64): anything else is refused, not cut or read as no tenant. */
    @Test
    void aTidThatIsNoTenantIdIsRefused() {
        for (Object tid : List.of(CONTOSO + "/../" + FABRIKAM, "x".repeat(65), 42, List.of(CONTOSO))) {
            assertRefused(multiTenant, token(b -> b.issuer(issuerOf(String.valueOf(tid))).claim("tid", tid)),
                    "Access token validation failure: the tid claim is not a tenant id.");
            assertRefused(singleTenant, token(b -> b.claim("tid", tid)),
                    "Access token validation failure: the tid claim is not a tenant id.");
        }
    }

    @Test
    void aFixedIssuerIsCheckedAsBeforeWithTheAllowList() {
        Answer created = createApp(singleTenant, token(b -> b.claim("tid", CONTOSO)));
        assertEquals(201, created.status(), created.body());
        assertRefused(singleTenant, token(b -> b.issuer(issuerOf(CONTOSO)).claim("tid", CONTOSO)),
                "Access token validation failure: JWT iss claim value rejected."); // nimbus 10.10's words
        assertRefused(singleTenant, token(b -> b.claim("tid", FABRIKAM)),
                "The tenant '" + FABRIKAM + "' is not allowed to use this service.");
    }

    /** The development tokens' case: GRAPH_TENANTS_DEFAULT names their tenant, and that one is allowed. */
    @Test
    void aTokenWithoutTidBelongsToTheDefaultTenant() {
        Answer created = createApp(singleTenant, token(b -> b.claim("tid", null)));
        assertEquals(201, created.status(), created.body());
    }

    private static PayaraProcess start(String name, Map<String, String> settings) {
        Path workDir = WORK.resolve(name);
        var env = new HashMap<>(settings);
        env.put("GRAPH_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString());
        return PayaraProcess.start(workDir, "TenantTokensIT " + name, PayaraProcess.freePort(), env);
    }

    private static String issuerOf(String tenant) {
        return TEMPLATE.replace("{tenantid}", tenant);
    }

    /** A read-write token of the development key, which both servers trust; otherwise like the identity platform's. */
    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return Tokens.sign(Tokens.claims(b -> change.apply(b.claim("scp", Tokens.READ_WRITE))), Tokens.developmentKey());
    }

    /** The apps a tenant's token lists, as text to compare. */
    private static String readableApps(PayaraProcess server, String tenant) {
        Answer listed = listApps(server, token(b -> b.issuer(issuerOf(tenant)).claim("tid", tenant)));
        assertEquals(200, listed.status(), listed.body());
        return listed.json().getJsonArray("value").toString();
    }

    private static void assertRefused(PayaraProcess server, String token, String message) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            Answer answer = createApp(server, token);
            assertEquals(401, answer.status(), "attempt " + attempt + ": " + answer.body());
            assertEquals("InvalidAuthenticationToken", answer.errorCode());
            assertEquals(message, answer.errorMessage());
            assertTrue(answer.header("WWW-Authenticate").contains("invalid_token"), answer.header("WWW-Authenticate"));
        }
    }

    private static Answer createApp(PayaraProcess server, String token) {
        return GraphClient.send(GraphClient.request(server.graph().uri(APPS), token)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"@odata.type\":\"#microsoft.graph.webApp\",\"displayName\":\"Tenant app\"}")));
    }

    private static Answer listApps(PayaraProcess server, String token) {
        return GraphClient.send(GraphClient.request(server.graph().uri(APPS), token).GET());
    }
}
