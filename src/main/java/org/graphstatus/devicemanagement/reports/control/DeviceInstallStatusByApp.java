package org.graphstatus.devicemanagement.reports.control;

import static org.graphstatus.devicemanagement.reports.control.ReportColumn.int32;
import static org.graphstatus.devicemanagement.reports.control.ReportColumn.string;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import org.graphstatus.database.QueryBulkhead;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppStateDetail;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Comparison;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;

/**
 * Intune's {@code DeviceInstallStatusByApp} report ({@code getDeviceInstallStatusReport},
 * {@code retrieveDeviceAppInstallationStatusReport}): one row per device status of one app, read from the
 * same rows the old routes write. Filtering, ordering, counting and paging happen in the database, so a page
 * of an app with a million statuses costs a page and a count.
 */
@ApplicationScoped
public class DeviceInstallStatusByApp {

    public static final String NAME = "DeviceInstallStatusByApp";

    /** The report's columns in its own order, which clients read by position when they select none. */
    public static final List<ReportColumn> COLUMNS = Arrays.stream(Column.values()).map(Column::column).toList();

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    QueryBulkhead bulkhead;

    /** How a column is filtered and ordered. */
    enum Kind { ID, TEXT, STATE, DETAIL, NUMBER, HEX, TIME, NONE }

    /** Each column: its cell, the attribute it is filtered and ordered by, and whether the report filters on it. */
    enum Column {
        DeviceId(string("DeviceId"), Kind.TEXT, "deviceId", MobileAppInstallStatus::getDeviceId),
        ApplicationId(string("ApplicationId"), Kind.ID, "mobileAppId", MobileAppInstallStatus::getMobileAppId),
        UserId(string("UserId"), Kind.NONE, null, status -> null), // the user's Entra id: no source here
        DeviceName(string("DeviceName"), Kind.TEXT, "deviceName", MobileAppInstallStatus::getDeviceName),
        UserPrincipalName(string("UserPrincipalName"), Kind.TEXT, "userPrincipalName", MobileAppInstallStatus::getUserPrincipalName),
        UserName(string("UserName"), Kind.TEXT, "userName", MobileAppInstallStatus::getUserName),
        Platform(string("Platform"), Kind.TEXT, "osDescription", MobileAppInstallStatus::getOsDescription),
        AppVersion(string("AppVersion"), Kind.TEXT, "displayVersion", MobileAppInstallStatus::getDisplayVersion),
        ErrorCode(int32("ErrorCode"), Kind.NUMBER, "errorCode", MobileAppInstallStatus::getErrorCode),
        InstallState(int32("InstallState"), Kind.STATE, "installState", status -> number(status.getInstallState())),
        InstallStateDetail(int32("InstallStateDetail"), Kind.DETAIL, "installStateDetail", status -> status.getInstallStateDetail().value()),
        LastModifiedDateTime(new ReportColumn("LastModifiedDateTime", "DateTime"), Kind.TIME, "lastSyncTicks", status -> dateTime(status.getLastSyncTicks())),
        AssignmentFilterIdsExist(new ReportColumn("AssignmentFilterIdsExist", "Boolean"), Kind.NONE, null, status -> false),
        HexErrorCode(string("HexErrorCode"), Kind.HEX, "errorCode", status -> hex(status.getErrorCode())),
        AppInstallState(int32("AppInstallState"), Kind.STATE, "installState", status -> number(status.getInstallState())),
        AppInstallState_loc(string("AppInstallState_loc"), Kind.NONE, null, status -> text(status.getInstallState())),
        AppInstallStateDetails(int32("AppInstallStateDetails"), Kind.DETAIL, "installStateDetail", status -> status.getInstallStateDetail().value()),
        AppInstallStateDetails_loc(string("AppInstallStateDetails_loc"), Kind.NONE, null, status -> text(status.getInstallStateDetail()));

        /** The columns Intune documents as filters of this report, and InstallState, which the admin center sends. */
        static final Set<Column> FILTERS = EnumSet.of(ApplicationId, InstallState, AppInstallState, HexErrorCode);

        final ReportColumn column;
        final Kind kind;
        final String attribute;
        final Function<MobileAppInstallStatus, Object> cell;

        Column(ReportColumn column, Kind kind, String attribute, Function<MobileAppInstallStatus, Object> cell) {
            this.column = column;
            this.kind = kind;
            this.attribute = attribute;
            this.cell = cell;
        }

        ReportColumn column() {
            return column;
        }

        static Column of(ReportColumn column) {
            return valueOf(column.name());
        }
    }

    /** The columns of the report {@code request} asks, or a 400 for a request the report cannot answer. */
    public List<ReportColumn> check(ReportRequest request) {
        List<ReportColumn> schema = ReportColumn.chosen(NAME, COLUMNS, request.select());
        request.requireApplicationId(NAME);
        CriteriaQuery<MobileAppInstallStatus> query = em.getCriteriaBuilder().createQuery(MobileAppInstallStatus.class);
        where(em.getCriteriaBuilder(), query.from(MobileAppInstallStatus.class), "", request); // names the filter's columns
        request.sorts();
        return schema;
    }

    /**
     * Every row the request's filter matches, in the order of their ids, a batch at a time by the last id
     * seen (each batch as cheap as the first, where an offset would read all before it), none held after
     * its batch: an export of a million rows.
     */
    public void each(String tenant, ReportRequest request, ReportRows rows) throws IOException {
        List<Column> cells = check(request).stream().map(Column::of).toList();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        String after = "";
        while (true) {
            CriteriaQuery<MobileAppInstallStatus> query = cb.createQuery(MobileAppInstallStatus.class);
            Root<MobileAppInstallStatus> row = query.from(MobileAppInstallStatus.class);
            query.where(where(cb, row, tenant, request), cb.greaterThan(row.get("id"), after)).orderBy(cb.asc(row.get("id")));
            List<MobileAppInstallStatus> batch = bulkhead.admit(() -> em.createQuery(query).setMaxResults(ReportRows.BATCH).getResultList());
            for (MobileAppInstallStatus status : batch) {
                rows.row(cells.stream().map(column -> column.cell.apply(status)).toList());
            }
            if (batch.size() < ReportRows.BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).getId();
        }
    }

    /** The page {@code request} asks of the tenant's statuses. */
    public ReportPage page(String tenant, ReportRequest request) {
        List<ReportColumn> schema = ReportColumn.chosen(NAME, COLUMNS, request.select());
        request.requireApplicationId(NAME);
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<MobileAppInstallStatus> rows = cb.createQuery(MobileAppInstallStatus.class);
        Root<MobileAppInstallStatus> row = rows.from(MobileAppInstallStatus.class);
        rows.where(where(cb, row, tenant, request)).orderBy(orders(cb, row, request));

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<MobileAppInstallStatus> counted = count.from(MobileAppInstallStatus.class);
        count.select(cb.count(counted)).where(where(cb, counted, tenant, request));

        // as costly as a collection page and its $count: bounded with them
        return bulkhead.admit(() -> {
            long total = em.createQuery(count).getSingleResult();
            List<MobileAppInstallStatus> statuses = request.top() == 0 || request.skip() >= total ? List.of()
                    : em.createQuery(rows).setFirstResult(request.skip()).setMaxResults(request.top()).getResultList();
            List<Column> cells = schema.stream().map(Column::of).toList();
            return new ReportPage(schema, total, statuses.stream()
                    .map(status -> cells.stream().map(column -> column.cell.apply(status)).toList())
                    .toList());
        });
    }

    private static Predicate where(CriteriaBuilder cb, Root<MobileAppInstallStatus> row, String tenant, ReportRequest request) {
        var all = new ArrayList<Predicate>();
        all.add(cb.equal(row.get("tenantId"), tenant));
        all.add(predicate(cb, row, request.filter()));
        String pattern = request.searchPattern();
        if (pattern != null) {
            all.add(cb.or(Set.of("deviceName", "userName", "userPrincipalName").stream()
                    .map(attribute -> cb.like(cb.lower(row.get(attribute)), pattern, '\\'))
                    .toArray(Predicate[]::new)));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }

    private static Predicate predicate(CriteriaBuilder cb, Root<MobileAppInstallStatus> row, ReportFilter filter) {
        if (filter == null) {
            return cb.conjunction();
        }
        if (filter instanceof ReportFilter.And and) {
            return cb.and(and.all().stream().map(part -> predicate(cb, row, part)).toArray(Predicate[]::new));
        }
        if (filter instanceof ReportFilter.Or or) {
            return cb.or(or.any().stream().map(part -> predicate(cb, row, part)).toArray(Predicate[]::new));
        }
        return compare(cb, row, (Comparison) filter);
    }

    private static Predicate compare(CriteriaBuilder cb, Root<MobileAppInstallStatus> row, Comparison comparison) {
        Column column = filterable(comparison.column());
        String literal = comparison.literal();
        return switch (column.kind) {
            case ID -> text(cb, row.get(column.attribute), comparison.operator(), literal.toLowerCase(Locale.ROOT));
            case STATE -> in(cb, row.get(column.attribute), matching(ResultantAppState.class, DeviceInstallStatusByApp::number,
                    holds(comparison.operator(), number(comparison, literal))));
            case DETAIL -> in(cb, row.get(column.attribute), matching(ResultantAppStateDetail.class, ResultantAppStateDetail::value,
                    holds(comparison.operator(), number(comparison, literal))));
            case HEX -> {
                if (comparison.operator() != ReportFilter.Operator.eq) {
                    throw GraphException.badRequest("HexErrorCode is compared with eq only, e.g. (HexErrorCode eq '0x87D1041C').");
                }
                yield cb.equal(row.get(column.attribute), errorCode(literal));
            }
            default -> throw new IllegalStateException(column + " is a filter column without a comparison");
        };
    }

    private static Column filterable(String name) {
        for (Column column : Column.FILTERS) {
            if (column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        String known = ReportColumn.named(COLUMNS, name).isPresent() ? "cannot be filtered" : "is not a column of it";
        throw GraphException.badRequest("The report " + NAME + " filters on ApplicationId, AppInstallState, InstallState "
                + "and HexErrorCode; '" + name + "' " + known + ".");
    }

    private static Predicate text(CriteriaBuilder cb, Expression<String> path, ReportFilter.Operator operator, String value) {
        return switch (operator) {
            case eq -> cb.equal(path, value);
            case gt -> cb.greaterThan(path, value);
            case ge -> cb.greaterThanOrEqualTo(path, value);
            case lt -> cb.lessThan(path, value);
            case le -> cb.lessThanOrEqualTo(path, value);
        };
    }

    /** SQL has no empty IN list: no member, no row. */
    private static Predicate in(CriteriaBuilder cb, Expression<?> path, Set<?> members) {
        return members.isEmpty() ? cb.disjunction() : path.in(members);
    }

    /** The members whose number passes {@code test}. */
    private static <E extends Enum<E>> Set<E> matching(Class<E> type, ToIntFunction<E> number, IntPredicate test) {
        Set<E> members = EnumSet.noneOf(type);
        for (E member : type.getEnumConstants()) {
            if (test.test(number.applyAsInt(member))) {
                members.add(member);
            }
        }
        return members;
    }

    private static IntPredicate holds(ReportFilter.Operator operator, int value) {
        return switch (operator) {
            case eq -> n -> n == value;
            case gt -> n -> n > value;
            case ge -> n -> n >= value;
            case lt -> n -> n < value;
            case le -> n -> n <= value;
        };
    }

    private static int number(Comparison comparison, String literal) {
        try {
            return Integer.parseInt(literal.strip());
        } catch (NumberFormatException e) {
            throw GraphException.badRequest(comparison.column() + " is a number: '" + literal + "' is not one, e.g. '1'.");
        }
    }

    private static List<Order> orders(CriteriaBuilder cb, Root<MobileAppInstallStatus> row, ReportRequest request) {
        var orders = new ArrayList<Order>();
        for (ReportRequest.Sort sort : request.sorts()) {
            Column column = ReportColumn.named(COLUMNS, sort.column()).map(Column::of).filter(found -> found.attribute != null)
                    .orElseThrow(() -> GraphException.badRequest("The report " + NAME + " cannot be ordered by '" + sort.column() + "'."));
            Expression<?> key = switch (column.kind) {
                case STATE -> byNumber(cb, row.get(column.attribute), ResultantAppState.class, DeviceInstallStatusByApp::number);
                case DETAIL -> byNumber(cb, row.get(column.attribute), ResultantAppStateDetail.class, ResultantAppStateDetail::value);
                default -> row.get(column.attribute);
            };
            orders.add(sort.descending() ? cb.desc(key) : cb.asc(key));
        }
        orders.add(cb.asc(row.get("id"))); // the same order on every page
        return orders;
    }

    /**
     * Orders stored enum names by Graph's numbers. Each member is compared as a predicate, which binds it as
     * stored (its name); EclipseLink writes a simple case's members as ordinals.
     */
    private static <E extends Enum<E>> Expression<Integer> byNumber(CriteriaBuilder cb, Expression<E> path, Class<E> type,
            ToIntFunction<E> number) {
        CriteriaBuilder.Case<Integer> cases = cb.selectCase();
        for (E member : type.getEnumConstants()) {
            cases = cases.when(cb.equal(path, member), number.applyAsInt(member));
        }
        return cases.otherwise(0);
    }

    /** The report's InstallState: Graph's resultantAppState as the admin center numbers it. */
    static int number(ResultantAppState state) {
        return switch (state) {
            case installed -> 1;
            case failed -> 2;
            case notInstalled -> 3;
            case uninstallFailed -> 4;
            case pendingInstall -> 5;
            case unknown -> 99;
            case notApplicable -> -1;
        };
    }

    static String text(ResultantAppState state) {
        return switch (state) {
            case installed -> "Installed";
            case failed -> "Failed";
            case notInstalled -> "Not installed";
            case uninstallFailed -> "Uninstall failed";
            case pendingInstall -> "Install Pending";
            case unknown -> "Unknown";
            case notApplicable -> "Not Applicable";
        };
    }

    /** The member's name as words: dependencyFailedToInstall is "Dependency failed to install". */
    static String text(ResultantAppStateDetail detail) {
        String words = detail.name().replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** As Intune writes an error: 0x and the 32 bits in 8 upper-case digits; none for 0. */
    static String hex(int errorCode) {
        return errorCode == 0 ? "" : String.format("0x%08X", errorCode);
    }

    static int errorCode(String hex) {
        String digits = hex.strip();
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.regionMatches(true, 0, "0x", 0, 2) && digits.length() > 2 && digits.length() <= 10) {
            try {
                return Integer.parseUnsignedInt(digits.substring(2), 16);
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw GraphException.badRequest("HexErrorCode is written 0x and up to 8 hex digits, e.g. '0x87D1041C': '" + hex + "' is not.");
    }

    /** As the reports write a time: UTC to the second, no offset; none when the status was never synced. */
    static String dateTime(long ticks) {
        if (ticks <= DateTimeOffset.MIN.ticks()) {
            return null;
        }
        return DATE_TIME.format(Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L))); // ticks: 100 ns since 1970
    }
}
