package org.graphstatus.deviceappmanagement.mobileapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.persistence.logging.DefaultSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.eclipse.persistence.sessions.Session;
import org.graphstatus.deviceappmanagement.mobileapps.boundary.MobileAppJson;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary.MobileAppInstallStatusJson;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.control.MobileAppInstallStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.InstallCounts;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary.UserAppInstallStatusJson;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control.UserAppInstallStatuses;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.options.ODataQuery;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every statement the service sends about apps, user statuses and device statuses names the tenant: the SQL
 * of a run through every operation of the control layer (which every route and batch request goes through)
 * is captured from EclipseLink's own log, and each SELECT, UPDATE and DELETE on the three tables must filter
 * by tenant_id. A query that forgot the tenant would reach other tenants' rows; this finds it before a test
 * with two tenants happens to.
 */
@ExtendWith(ArquillianExtension.class)
public class TenantPredicatesIT {

    static final String TENANT = "tenant-predicates-it";
    static final Set<String> TABLES = Set.of("mobile_app", "user_app_install_status", "mobile_app_install_status");
    /** The table a statement reads or changes first: after FROM, UPDATE or DELETE FROM. */
    static final Pattern TABLE = Pattern.compile("\\b(?:FROM|UPDATE)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("graph.war")))
                .addClasses(TenantPredicatesIT.class, Capture.class);
    }

    @Inject
    MobileApps apps;
    @Inject
    UserAppInstallStatuses users;
    @Inject
    MobileAppInstallStatuses devices;
    @Inject
    InstallCounts counts;
    @PersistenceUnit(unitName = "graph")
    EntityManagerFactory emf;

    @Test
    void everyStatementOnTheThreeTablesFiltersByTenant() {
        Session server = emf.unwrap(Session.class); // the server session, whose log every unit of work copies
        SessionLog original = server.getSessionLog();
        Capture capture = new Capture();
        server.setSessionLog(capture);
        try {
            everyOperation();
        } finally {
            server.setSessionLog(original);
        }

        Map<String, List<String>> byKind = new TreeMap<>();
        List<String> withoutTenant = new ArrayList<>();
        for (String sql : capture.statements) {
            String kind = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            Matcher table = TABLE.matcher(sql);
            if (!Set.of("SELECT", "UPDATE", "DELETE").contains(kind) || !table.find()
                    || !TABLES.contains(table.group(1).toLowerCase(Locale.ROOT))) {
                continue;
            }
            byKind.computeIfAbsent(kind + " " + table.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(sql);
            String where = sql.substring(Math.max(0, sql.toUpperCase(Locale.ROOT).indexOf(" WHERE ")));
            if (!where.toLowerCase(Locale.ROOT).matches("(?s).*\\btenant_id\\s*=\\s*\\?.*")) {
                withoutTenant.add(sql);
            }
        }
        assertEquals(List.of(), withoutTenant, "statements that do not filter by tenant");
        // the run reached every kind of statement on every table, so the check above saw them
        for (String table : TABLES) {
            for (String kind : List.of("SELECT", "DELETE")) {
                assertTrue(byKind.containsKey(kind + " " + table), kind + " on " + table + " in " + byKind.keySet());
            }
        }
        assertTrue(byKind.containsKey("UPDATE mobile_app") && byKind.containsKey("UPDATE mobile_app_install_status"),
                "updates in " + byKind.keySet());
    }

    /** Every operation of the control layer, on both routes, including those that find nothing. */
    private void everyOperation() {
        String app = apps.create(TENANT, MobileAppJson.read(Json.createObjectBuilder()
                .add("@odata.type", "#microsoft.graph.webApp").add("displayName", "predicates").build())).getId();
        String user = users.create(TENANT, app, UserAppInstallStatusJson.PROPERTIES.read(
                Json.createObjectBuilder().add("userName", "user").build())).getId();
        String onApp = devices.create(TENANT, app, null, device()).getId();
        String onUser = devices.create(TENANT, app, user, device()).getId();
        ODataQuery everything = ODataQuery.parse(parameters("$count", "true",
                "$filter", "installState eq 'installed'", "$orderby", "deviceName desc"),
                MobileAppInstallStatusJson.PROPERTIES.query(), MobileAppInstallStatusJson.PROPERTIES.propertyNames(), Set.of(), 999);
        ODataQuery appsQuery = ODataQuery.parse(parameters("$count", "true"),
                MobileAppJson.QUERY, MobileAppJson.BASE_PROPERTIES, Set.of(), 999);
        ODataQuery usersQuery = ODataQuery.parse(parameters("$count", "true"),
                UserAppInstallStatusJson.PROPERTIES.query(), UserAppInstallStatusJson.PROPERTIES.propertyNames(), Set.of(), 999);

        apps.list(TENANT, appsQuery);
        apps.count(TENANT, appsQuery);
        apps.get(TENANT, app);
        apps.update(TENANT, app, changed -> changed.setDisplayName("renamed"));
        counts.counted(users.list(TENANT, app, usersQuery).rows());
        users.count(TENANT, app, usersQuery);
        counts.counted(users.get(TENANT, app, user));
        users.app(TENANT, app, user);
        users.update(TENANT, app, user, changed -> changed.setUserName("renamed"));
        devices.list(TENANT, app, null, everything);
        devices.list(TENANT, app, user, everything);
        devices.count(TENANT, app, null, everything);
        devices.count(TENANT, app, user, everything);
        devices.get(TENANT, app, user, onUser);
        devices.app(TENANT, app, null, onApp);
        devices.update(TENANT, app, null, onApp, changed -> changed.setDeviceName("renamed"));
        counts.summary(TENANT, app);
        assertThrows(GraphException.class, () -> apps.get("another-tenant", app), "another tenant's id is not found");
        devices.delete(TENANT, app, null, onApp);
        users.delete(TENANT, app, user); // with the status under it
        String second = users.create(TENANT, app, UserAppInstallStatusJson.PROPERTIES.read(
                Json.createObjectBuilder().add("userName", "second").build())).getId();
        devices.create(TENANT, app, second, device());
        apps.delete(TENANT, app); // with everything under it
    }

    private static MultivaluedHashMap<String, String> parameters(String... namesAndValues) {
        var parameters = new MultivaluedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static MobileAppInstallStatus device() {
        return MobileAppInstallStatusJson.PROPERTIES.read(Json.createObjectBuilder().add("deviceName", "device")
                .add("installState", ResultantAppState.installed.name()).build());
    }

    /** EclipseLink's SQL log, kept instead of written: each statement as it is sent, bind markers and all. */
    public static final class Capture extends DefaultSessionLog {

        final List<String> statements = Collections.synchronizedList(new ArrayList<>());

        public Capture() {
            setLevel(SessionLog.FINE, SessionLog.SQL);
        }

        @Override
        public boolean shouldLog(int level, String category) {
            return SessionLog.SQL.equals(category) ? level >= SessionLog.FINE : level >= SessionLog.WARNING;
        }

        @Override
        public synchronized void log(SessionLogEntry entry) {
            if (SessionLog.SQL.equals(entry.getNameSpace())) {
                statements.add(entry.getMessage());
            } else {
                super.log(entry);
            }
        }
    }
}
