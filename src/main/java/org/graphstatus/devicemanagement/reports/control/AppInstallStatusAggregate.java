package org.graphstatus.devicemanagement.reports.control;

import static org.graphstatus.devicemanagement.reports.control.ReportColumn.int32;
import static org.graphstatus.devicemanagement.reports.control.ReportColumn.string;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.graphstatus.database.QueryBulkhead;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.InstallCounts;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Comparison;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/**
 * Intune's {@code AppInstallStatusAggregate} report ({@code getAppsInstallSummaryReport}): a row per app of the
 * tenant, statuses or not, with its devices and users counted by install state as {@code installSummary}
 * counts them, in three grouped queries whatever the number of apps. Its filters and orders are on counts,
 * so they apply to the rows counted; a tenant has apps by the thousand, not the million.
 */
@ApplicationScoped
public class AppInstallStatusAggregate {

    public static final String NAME = "AppInstallStatusAggregate";

    /**
     * The documented columns; without {@code select} they come in the order a {@code select} of all of them
     * gives (Graph's own order here is unknown), the one the admin center's and scripts' positional reads fit.
     */
    public static final List<ReportColumn> COLUMNS = ReportColumn.chosen(NAME, List.of(int32("AppPlatform"),
            string("ApplicationId"), string("AppVersion"), string("DisplayName"), int32("FailedDeviceCount"),
            new ReportColumn("FailedDevicePercentage", "Double"), int32("FailedUserCount"), int32("InstalledDeviceCount"),
            int32("InstalledUserCount"), int32("NotApplicableDeviceCount"), int32("NotApplicableUserCount"),
            int32("NotInstalledDeviceCount"), int32("NotInstalledUserCount"), int32("PendingInstallDeviceCount"),
            int32("PendingInstallUserCount"), int32("Platform"), string("Platform_loc"), string("Publisher")),
            List.of("AppPlatform", "ApplicationId", "AppVersion", "DisplayName", "FailedDeviceCount",
                    "FailedDevicePercentage", "FailedUserCount", "InstalledDeviceCount", "InstalledUserCount",
                    "NotApplicableDeviceCount", "NotApplicableUserCount", "NotInstalledDeviceCount", "NotInstalledUserCount",
                    "PendingInstallDeviceCount", "PendingInstallUserCount", "Platform", "Publisher"));

    /** Intune documents these as the report's filters; the admin center's failed-apps tile filters FailedDeviceCount. */
    private static final List<String> FILTERS = List.of("ApplicationId", "Platform", "FailedDevicePercentage", "FailedDeviceCount");

    /** The state a user counts in: the most urgent of the user's devices, ranked as {@code installSummary} ranks them. */
    private static final List<ResultantAppState> URGENCY = InstallCounts.USER_STATE_PRECEDENCE;

    /** Each user's most urgent state per app, counted per app; portable SQL, as JPQL has no subquery in FROM. */
    private static final String USERS_BY_STATE = "SELECT app, urgency, COUNT(*) FROM (SELECT mobile_app_id AS app, "
            + "MIN(CASE install_state " + IntStream.range(0, URGENCY.size())
                    .mapToObj(rank -> "WHEN '" + URGENCY.get(rank).name() + "' THEN " + rank + " ").collect(Collectors.joining())
            + "ELSE " + URGENCY.size() + " END) AS urgency FROM mobile_app_install_status "
            + "WHERE tenant_id = ?1 AND user_status_id IS NOT NULL GROUP BY mobile_app_id, user_status_id) users "
            + "WHERE urgency < " + URGENCY.size() + " GROUP BY app, urgency";

    /** The derived-type properties that hold an app's version, the first one an app has being its AppVersion. */
    private static final List<String> VERSIONS = List.of("displayVersion", "versionNumber", "identityVersion",
            "productVersion", "version", "bundleVersion");

    @PersistenceContext
    EntityManager em;

    @Inject
    QueryBulkhead bulkhead;

    public ReportPage page(String tenant, ReportRequest request) {
        List<ReportColumn> schema = check(request);
        List<Map<String, Object>> rows = matching(tenant, request);
        List<List<Object>> values = rows.stream().skip(request.skip()).limit(request.top())
                .map(row -> schema.stream().map(column -> row.get(column.name())).toList())
                .toList();
        return new ReportPage(schema, rows.size(), values);
    }

    /** The columns of the report {@code request} asks, or a 400 for a request the report cannot answer. */
    public List<ReportColumn> check(ReportRequest request) {
        List<ReportColumn> schema = ReportColumn.chosen(NAME, COLUMNS, request.select());
        matches(request.filter());
        order(request);
        return schema;
    }

    /** Every row the request's filter matches, in its order, as an export reads them. */
    public void each(String tenant, ReportRequest request, ReportRows rows) throws IOException {
        List<ReportColumn> schema = check(request);
        for (Map<String, Object> row : matching(tenant, request)) {
            rows.row(schema.stream().map(column -> row.get(column.name())).toList());
        }
    }

    private List<Map<String, Object>> matching(String tenant, ReportRequest request) {
        Predicate<Map<String, Object>> filter = matches(request.filter());
        String search = request.searchText();
        return bulkhead.admit(() -> rows(tenant)).stream()
                .filter(filter)
                .filter(row -> search == null || contains(row, "DisplayName", search) || contains(row, "Publisher", search))
                .sorted(order(request))
                .toList();
    }

    private List<Map<String, Object>> rows(String tenant) {
        Map<String, Map<ResultantAppState, Long>> devices = new HashMap<>();
        em.createQuery("SELECT d.mobileAppId, d.installState, COUNT(d) FROM MobileAppInstallStatus d "
                        + "WHERE d.tenantId = :tenant GROUP BY d.mobileAppId, d.installState", Object[].class)
                .setParameter("tenant", tenant)
                .getResultList()
                .forEach(row -> devices.computeIfAbsent((String) row[0], app -> new HashMap<>())
                        .put((ResultantAppState) row[1], (Long) row[2]));
        Map<String, Map<ResultantAppState, Long>> users = new HashMap<>();
        for (Object result : em.createNativeQuery(USERS_BY_STATE).setParameter(1, tenant).getResultList()) {
            Object[] row = (Object[]) result;
            users.computeIfAbsent((String) row[0], app -> new HashMap<>())
                    .put(URGENCY.get(((Number) row[1]).intValue()), ((Number) row[2]).longValue());
        }
        var rows = new ArrayList<Map<String, Object>>();
        for (Object[] app : em.createQuery("SELECT a.id, a.displayName, a.publisher, a.odataType, a.derivedProperties "
                + "FROM MobileApp a WHERE a.tenantId = :tenant", Object[].class).setParameter("tenant", tenant).getResultList()) {
            String id = (String) app[0];
            rows.add(cells(id, (String) app[1], (String) app[2], Platform.of((String) app[3]), version((String) app[4]),
                    devices.getOrDefault(id, Map.of()), users.getOrDefault(id, Map.of())));
        }
        return rows;
    }

    static Map<String, Object> cells(String id, String displayName, String publisher, Platform platform, String version,
            Map<ResultantAppState, Long> devices, Map<ResultantAppState, Long> users) {
        var cells = new HashMap<String, Object>();
        cells.put("ApplicationId", id);
        cells.put("DisplayName", displayName);
        cells.put("Publisher", publisher);
        cells.put("AppVersion", version);
        cells.put("AppPlatform", platform.code);
        cells.put("Platform", platform.code);
        cells.put("Platform_loc", platform.text);
        String[] states = {"Failed", "PendingInstall", "Installed", "NotInstalled", "NotApplicable"};
        for (String state : states) {
            ResultantAppState member = ResultantAppState.valueOf(Character.toLowerCase(state.charAt(0)) + state.substring(1));
            cells.put(state + "DeviceCount", devices.getOrDefault(member, 0L));
            cells.put(state + "UserCount", users.getOrDefault(member, 0L));
        }
        cells.put("FailedDevicePercentage", failedPercentage(devices));
        return cells;
    }

    /**
     * Failed devices among the devices the app applies to (failed, pending, installed, not installed: the sum
     * clients form from the overview report), as a percentage to two places; 0 without any.
     */
    static double failedPercentage(Map<ResultantAppState, Long> devices) {
        long failed = devices.getOrDefault(ResultantAppState.failed, 0L);
        long applicable = failed + devices.getOrDefault(ResultantAppState.pendingInstall, 0L)
                + devices.getOrDefault(ResultantAppState.installed, 0L) + devices.getOrDefault(ResultantAppState.notInstalled, 0L);
        return applicable == 0 ? 0.0 : Math.round(failed * 10_000.0 / applicable) / 100.0;
    }

    /** The platform an app's type is for; Intune's codes are unpublished, these follow its OS report's (1 to 4). */
    enum Platform {
        WINDOWS(1, "Windows"), IOS(2, "iOS"), ANDROID(3, "Android"), MACOS(4, "macOS"), WEB(5, "Web");

        final int code;
        final String text;

        Platform(int code, String text) {
            this.code = code;
            this.text = text;
        }

        /** From the type's name: {@code #microsoft.graph.managedIOSLobApp} is iOS, {@code webApp} the web's. */
        static Platform of(String odataType) {
            String type = odataType.substring(odataType.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replaceFirst("^managed", "");
            if (type.startsWith("android")) {
                return ANDROID;
            }
            if (type.startsWith("ios")) {
                return IOS;
            }
            if (type.startsWith("macos")) {
                return MACOS;
            }
            return type.equals("webapp") ? WEB : WINDOWS; // win32, winGet, windows*, officeSuite, microsoftStoreForBusiness
        }
    }

    private static String version(String derivedProperties) {
        JsonObject properties = JsonValues.PROVIDER.createReader(new StringReader(derivedProperties)).readObject();
        return VERSIONS.stream().map(properties::get).filter(value -> value instanceof JsonString)
                .map(value -> ((JsonString) value).getString()).findFirst().orElse(null);
    }

    private static boolean contains(Map<String, Object> row, String column, String search) {
        return row.get(column) instanceof String text && text.toLowerCase(Locale.ROOT).contains(search);
    }

    static Predicate<Map<String, Object>> matches(ReportFilter filter) {
        if (filter == null) {
            return row -> true;
        }
        if (filter instanceof ReportFilter.And and) {
            List<Predicate<Map<String, Object>>> all = and.all().stream().map(AppInstallStatusAggregate::matches).toList();
            return row -> all.stream().allMatch(part -> part.test(row));
        }
        if (filter instanceof ReportFilter.Or or) {
            List<Predicate<Map<String, Object>>> any = or.any().stream().map(AppInstallStatusAggregate::matches).toList();
            return row -> any.stream().anyMatch(part -> part.test(row));
        }
        return compare((Comparison) filter);
    }

    private static Predicate<Map<String, Object>> compare(Comparison comparison) {
        String column = FILTERS.stream().filter(name -> name.equalsIgnoreCase(comparison.column())).findFirst()
                .orElseThrow(() -> GraphException.badRequest("The report " + NAME + " filters on " + String.join(", ", FILTERS)
                        + "; '" + comparison.column() + "' " + (ReportColumn.named(COLUMNS, comparison.column()).isPresent()
                        ? "cannot be filtered" : "is not a column of it") + "."));
        String literal = comparison.literal().strip();
        if (column.equals("ApplicationId")) {
            String id = literal.toLowerCase(Locale.ROOT);
            return row -> holds(comparison.operator(), ((String) row.get(column)).compareTo(id));
        }
        if (column.equals("Platform") && !literal.isEmpty() && !Character.isDigit(literal.charAt(0)) && literal.charAt(0) != '-') {
            if (comparison.operator() != ReportFilter.Operator.eq) {
                throw GraphException.badRequest("Platform is compared by name with eq only, e.g. (Platform eq 'Windows').");
            }
            return row -> ((String) row.get("Platform_loc")).equalsIgnoreCase(literal);
        }
        double number;
        try {
            number = Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw GraphException.badRequest(column + " is a number: '" + comparison.literal() + "' is not one, e.g. '0'.");
        }
        return row -> holds(comparison.operator(), Double.compare(((Number) row.get(column)).doubleValue(), number));
    }

    private static boolean holds(ReportFilter.Operator operator, int comparison) {
        return switch (operator) {
            case eq -> comparison == 0;
            case gt -> comparison > 0;
            case ge -> comparison >= 0;
            case lt -> comparison < 0;
            case le -> comparison <= 0;
        };
    }

    /** {@code orderBy} on any column; then by name and id, so that pages follow one order. */
    @SuppressWarnings("unchecked") // a column's cells are all of one Comparable type
    private static Comparator<Map<String, Object>> order(ReportRequest request) {
        Comparator<Map<String, Object>> order = null;
        for (ReportRequest.Sort sort : request.sorts()) {
            String column = ReportColumn.named(COLUMNS, sort.column()).map(ReportColumn::name)
                    .orElseThrow(() -> GraphException.badRequest("The report " + NAME + " cannot be ordered by '" + sort.column() + "'."));
            Comparator<Map<String, Object>> by = Comparator.comparing(row -> (Comparable<Object>) row.get(column),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            by = sort.descending() ? by.reversed() : by;
            order = order == null ? by : order.thenComparing(by);
        }
        Comparator<Map<String, Object>> byName = Comparator.comparing(row -> (String) row.get("DisplayName"),
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        byName = byName.thenComparing(row -> (String) row.get("ApplicationId"));
        return order == null ? byName : order.thenComparing(byName);
    }
}
