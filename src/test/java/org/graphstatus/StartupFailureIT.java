package org.graphstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.graphstatus.database.SchemaMigration;
import org.graphstatus.security.Tenants;
import org.graphstatus.testing.Databases;
import org.graphstatus.testing.PayaraProcess;
import org.graphstatus.testing.PayaraProcess.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A wrong setting ends the start with exit status 1 and one log line that names it, instead of a wall of
 * stack traces and a server that keeps running with nothing deployed. Started as the README starts it, with
 * one setting spoiled at a time. Two cases run at once (each @Execution(CONCURRENT), the class alone): each
 * server starts, refuses and stops on its own.
 */
class StartupFailureIT {

    private static final Path WORK = Path.of("target", "startup-failure");

    /** Settings checked before the database is reached fail the same start on any database. */
    private static final String BEFORE_THE_DATABASE = "H2 run only: the setting is checked before the database is reached";

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUnreachableDatabase() throws Exception {
        Path notADatabase = Files.createDirectories(WORK.resolve(UUID.randomUUID().toString())).toAbsolutePath();
        Files.writeString(notADatabase.resolve("graph.mv.db"), "not an H2 database");
        Exit exit = PayaraProcess.runUntilItStops(ownFolder(), "StartupFailureIT database", Map.of(
                "PGPORT", "1", // nothing listens there
                "GRAPH_DATA_DIR", notADatabase.toString()));
        assertFailedWithOneLine(exit, "Cannot start: the database cannot be reached");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aTokenKeyThatDoesNotExist() {
        assumeFalse(Databases.postgresqlRun(), BEFORE_THE_DATABASE);
        Exit exit = PayaraProcess.runUntilItStops(ownFolder(), "StartupFailureIT token key",
                Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/no/such/key.pem"));
        assertFailedWithOneLine(exit, "Cannot start: the token settings are wrong: "
                + "The token verification key could not be read: no file or application resource at '/no/such/key.pem'");
    }

    /** Without development mode nothing is trusted by default: the key in this repository signs no token. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void noTokenSettingsOutsideDevelopmentMode() {
        assumeFalse(Databases.postgresqlRun(), BEFORE_THE_DATABASE);
        Exit exit = PayaraProcess.runUntilItStops(ownFolder(), "StartupFailureIT no token settings", Map.of("GRAPH_DEVELOPMENT", "false"));
        assertFailedWithOneLine(exit, "Cannot start: the token settings are wrong: no token key is configured: set "
                + "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION), mp.jwt.verify.issuer "
                + "(MP_JWT_VERIFY_ISSUER) and mp.jwt.verify.audiences (MP_JWT_VERIFY_AUDIENCES) to your identity "
                + "platform's, or set GRAPH_DEVELOPMENT=true to trust the development key of this repository");
    }

    /** Each a token setting that would check less than it seems to, or could not check at all. */
    @ParameterizedTest
    @Execution(ExecutionMode.CONCURRENT)
    @CsvSource(delimiter = '|', value = {
        "MP_JWT_VERIFY_ISSUER|''|mp.jwt.verify.issuer is set but empty",
        "MP_JWT_VERIFY_AUDIENCES|''|mp.jwt.verify.audiences is set but empty",
        "MP_JWT_VERIFY_AUDIENCES|'https://graph.microsoft.com,'|mp.jwt.verify.audiences has an empty entry",
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION|http://keys.example/keys|mp.jwt.verify.publickey.location must be an https:// URL "
            + "(http:// only on loopback): http://keys.example/keys",
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION|http://127.0.0.1:1/keys|The JWKS at http://127.0.0.1:1/keys could not be read: ",
        // any tenant of the identity platform could come in: the allow-list is required with an issuer template
        "MP_JWT_VERIFY_ISSUER|https://login.microsoftonline.com/{tenantid}/v2.0|mp.jwt.verify.issuer is a template for "
            + "many tenants (https://login.microsoftonline.com/{tenantid}/v2.0): set graph.tenants.allowed "
            + "(GRAPH_TENANTS_ALLOWED) to the tenant ids that may use this service, comma-separated, or to * for any tenant",
    })
    void aTokenSettingThatChecksNothing(String variable, String value, String message) {
        assumeFalse(Databases.postgresqlRun(), BEFORE_THE_DATABASE);
        Exit exit = PayaraProcess.runUntilItStops(ownFolder(),
                "StartupFailureIT " + variable + " " + Integer.toHexString(value.hashCode()), Map.of(variable, value));
        assertFailedWithOneLine(exit, "Cannot start: the token settings are wrong: " + message);
    }

    /** The public address settings: a value that would make links no client can follow. */
    @ParameterizedTest
    @Execution(ExecutionMode.CONCURRENT)
    @CsvSource(delimiter = '|', value = {
        "GRAPH_PUBLIC_URL|https://graph.example.com/beta|graph.public-url (GRAPH_PUBLIC_URL): "
            + "'https://graph.example.com/beta' has more than a scheme, a host and a port",
        "GRAPH_PUBLIC_URL|graph.example.com|graph.public-url (GRAPH_PUBLIC_URL): "
            + "'graph.example.com' is not an http or https URL with a host",
        "GRAPH_TRUSTED_PROXIES|127.0.0.1,proxy.example|graph.trusted-proxies (GRAPH_TRUSTED_PROXIES): "
            + "'proxy.example' is not an IP address or a CIDR range",
    })
    void aPublicAddressSettingThatIsNotOne(String variable, String value, String message) {
        assumeFalse(Databases.postgresqlRun(), BEFORE_THE_DATABASE);
        Exit exit = PayaraProcess.runUntilItStops(ownFolder(),
                "StartupFailureIT " + variable + " " + Integer.toHexString(value.hashCode()), Map.of(variable, value));
        assertFailedWithOneLine(exit, "Cannot start: " + message);
    }

    /**
     * MicroProfile Config reads an empty variable as unset, which would let migration 6 move the rows into the
     * built-in default tenant and then the start fail: the token settings are checked before any migration runs.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anEmptyDefaultTenantStopsTheStartBeforeTheSchemaIsTouched() throws Exception {
        Path data = Files.createDirectories(WORK.resolve(UUID.randomUUID().toString())).toAbsolutePath();
        Exit exit = PayaraProcess.runUntilItStops(ownFolder(), "StartupFailureIT empty default tenant", Map.of(
                "GRAPH_TENANTS_DEFAULT", "",
                "GRAPH_DATA_DIR", data.toString()));
        assertFailedWithOneLine(exit, "Cannot start: the token settings are wrong: graph.tenants.default is set but empty");
        assertFalse(exit.log().contains("org.flywaydb"), "no migration ran:\n" + exit.log());
    }

    /** A database whose migration 1 differs from this build's (another build's, or edited by hand). */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aDatabaseMigratedByAnotherBuild() throws Exception {
        String postgresql = Databases.postgresqlRun() ? Databases.createPostgresql("graph_foreign") : null;
        Path h2Dir = WORK.resolve(UUID.randomUUID().toString()).toAbsolutePath();
        String url = postgresql != null ? Databases.postgresqlUrl(postgresql) : "jdbc:h2:file:" + h2Dir.resolve("graph");
        try {
            SchemaMigration.flyway(Tenants.DEFAULT).dataSource(url, null, null).load().migrate();
            try (Connection db = Databases.connect(url); var statement = db.createStatement()) {
                statement.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
            }
            Exit exit = PayaraProcess.runUntilItStops(ownFolder(), "StartupFailureIT migrations", postgresql != null
                    ? Map.of("PGDATABASE", postgresql) : Map.of("GRAPH_DATA_DIR", h2Dir.toString()));
            assertFailedWithOneLine(exit, "Cannot start: the database schema cannot be brought to this version: "
                    + "Validate failed: Migrations have failed validation Migration checksum mismatch for migration version 1");
        } finally {
            if (postgresql != null) {
                Databases.dropPostgresql(postgresql);
            }
        }
    }

    /** A folder of its own for each start, and so an H2 file of its own: two run at once. */
    private static Path ownFolder() {
        return WORK.resolve(UUID.randomUUID().toString());
    }

    private static void assertFailedWithOneLine(Exit exit, String expected) {
        assertEquals(1, exit.code(), exit.log());
        assertTrue(exit.log().contains(expected), "expected \"" + expected + "\" in:\n" + exit.log());
        assertEquals(1, exit.log().split("Cannot start", -1).length - 1, "said once:\n" + exit.log());
        assertFalse(exit.log().contains("\tat "), "no stack trace:\n" + exit.log());
        assertFalse(exit.log().matches("(?s).*Payara Micro [0-9.]+ \\(build \\d+\\) ready in.*"), "never ready:\n" + exit.log());
    }
}
