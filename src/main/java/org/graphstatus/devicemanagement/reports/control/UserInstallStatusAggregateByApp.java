package org.graphstatus.devicemanagement.reports.control;

import static org.graphstatus.devicemanagement.reports.control.ReportColumn.int32;
import static org.graphstatus.devicemanagement.reports.control.ReportColumn.string;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graphstatus.database.QueryBulkhead;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.odata.GraphException;

/**
 * Intune's {@code UserInstallStatusAggregateByApp} report ({@code getUserInstallStatusReport}): a row per user
 * status of one app, with the user's devices counted by install state from the device statuses when read.
 * The users are paged in the database; the counts are one grouped query for the page's users.
 */
@ApplicationScoped
public class UserInstallStatusAggregateByApp {

    public static final String NAME = "UserInstallStatusAggregateByApp";

    /** The users' columns, then the five counts in the order Intune's documentation lists them. */
    public static final List<ReportColumn> COLUMNS = List.of(string("UserId"), string("ApplicationId"), string("UserName"),
            string("UserPrincipalName"), int32("FailedCount"), int32("InstalledCount"), int32("NotApplicableCount"),
            int32("NotInstalledCount"), int32("PendingInstallCount"));

    /** The columns it is ordered by, and their attributes. */
    private static final Map<String, String> ORDERED_BY = Map.of("UserName", "userName", "UserPrincipalName", "userPrincipalName");

    @PersistenceContext
    EntityManager em;

    @Inject
    QueryBulkhead bulkhead;

    public ReportPage page(String tenant, ReportRequest request) {
        List<ReportColumn> schema = ReportColumn.chosen(NAME, COLUMNS, request.select());
        String appId = request.applicationIdOnly(NAME);
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<UserAppInstallStatus> rows = cb.createQuery(UserAppInstallStatus.class);
        Root<UserAppInstallStatus> row = rows.from(UserAppInstallStatus.class);
        rows.where(where(cb, row, tenant, appId, request)).orderBy(orders(cb, row, request));

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<UserAppInstallStatus> counted = count.from(UserAppInstallStatus.class);
        count.select(cb.count(counted)).where(where(cb, counted, tenant, appId, request));

        return bulkhead.admit(() -> {
            long total = em.createQuery(count).getSingleResult();
            List<UserAppInstallStatus> users = request.top() == 0 || request.skip() >= total ? List.of()
                    : em.createQuery(rows).setFirstResult(request.skip()).setMaxResults(request.top()).getResultList();
            return new ReportPage(schema, total, values(tenant, schema, users));
        });
    }

    /** The columns of the report {@code request} asks, or a 400 for a request the report cannot answer. */
    public List<ReportColumn> check(ReportRequest request) {
        List<ReportColumn> schema = ReportColumn.chosen(NAME, COLUMNS, request.select());
        request.applicationIdOnly(NAME);
        orders(em.getCriteriaBuilder(), em.getCriteriaBuilder().createQuery(UserAppInstallStatus.class)
                .from(UserAppInstallStatus.class), request);
        return schema;
    }

    /** Every user row of the app, a batch at a time by the last id seen, as an export reads them. */
    public void each(String tenant, ReportRequest request, ReportRows rows) throws IOException {
        List<ReportColumn> schema = check(request);
        String appId = request.applicationIdOnly(NAME);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        String after = "";
        while (true) {
            CriteriaQuery<UserAppInstallStatus> query = cb.createQuery(UserAppInstallStatus.class);
            Root<UserAppInstallStatus> row = query.from(UserAppInstallStatus.class);
            query.where(where(cb, row, tenant, appId, request), cb.greaterThan(row.get("id"), after)).orderBy(cb.asc(row.get("id")));
            List<UserAppInstallStatus> users = bulkhead.admit(() -> em.createQuery(query).setMaxResults(ReportRows.BATCH).getResultList());
            for (List<Object> cells : bulkhead.admit(() -> values(tenant, schema, users))) {
                rows.row(cells);
            }
            if (users.size() < ReportRows.BATCH) {
                return;
            }
            after = users.get(users.size() - 1).getId();
        }
    }

    /** The users' rows, their devices counted in one query. */
    private List<List<Object>> values(String tenant, List<ReportColumn> schema, List<UserAppInstallStatus> users) {
        Map<String, Map<ResultantAppState, Long>> devices = devices(tenant, users);
        var values = new ArrayList<List<Object>>();
        for (UserAppInstallStatus user : users) {
            Map<String, Object> cells = cells(user, devices.getOrDefault(user.getId(), Map.of()));
            values.add(schema.stream().map(column -> cells.get(column.name())).toList());
        }
        return values;
    }

    private static Predicate where(CriteriaBuilder cb, Root<UserAppInstallStatus> row, String tenant, String appId,
            ReportRequest request) {
        Predicate app = cb.and(cb.equal(row.get("tenantId"), tenant), cb.equal(row.get("mobileAppId"), appId));
        String pattern = request.searchPattern();
        return pattern == null ? app : cb.and(app, cb.or(cb.like(cb.lower(row.get("userName")), pattern, '\\'),
                cb.like(cb.lower(row.get("userPrincipalName")), pattern, '\\')));
    }

    private static List<Order> orders(CriteriaBuilder cb, Root<UserAppInstallStatus> row, ReportRequest request) {
        var orders = new ArrayList<Order>();
        for (ReportRequest.Sort sort : request.sorts()) {
            String attribute = ORDERED_BY.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(sort.column()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> GraphException.badRequest("The report " + NAME + " is ordered by UserName or "
                            + "UserPrincipalName; not by '" + sort.column() + "'."));
            orders.add(sort.descending() ? cb.desc(row.get(attribute)) : cb.asc(row.get(attribute)));
        }
        orders.add(cb.asc(row.get("id"))); // the same order on every page
        return orders;
    }

    /** The page's users' devices by install state, in one query. */
    private Map<String, Map<ResultantAppState, Long>> devices(String tenant, List<UserAppInstallStatus> users) {
        var devices = new HashMap<String, Map<ResultantAppState, Long>>();
        if (!users.isEmpty()) {
            em.createNamedQuery(MobileAppInstallStatus.COUNT_BY_USER_STATUS_AND_INSTALL_STATE, Object[].class)
                    .setParameter("tenant", tenant)
                    .setParameter("userStatusIds", users.stream().map(UserAppInstallStatus::getId).toList())
                    .getResultList()
                    .forEach(row -> devices.computeIfAbsent((String) row[0], id -> new EnumMap<>(ResultantAppState.class))
                            .put((ResultantAppState) row[1], (Long) row[2]));
        }
        return devices;
    }

    private static Map<String, Object> cells(UserAppInstallStatus user, Map<ResultantAppState, Long> devices) {
        var cells = new HashMap<String, Object>();
        cells.put("UserId", null); // the user's Entra id: no source here
        cells.put("ApplicationId", user.getMobileAppId());
        cells.put("UserName", user.getUserName());
        cells.put("UserPrincipalName", user.getUserPrincipalName());
        cells.put("FailedCount", devices.getOrDefault(ResultantAppState.failed, 0L));
        cells.put("InstalledCount", devices.getOrDefault(ResultantAppState.installed, 0L));
        cells.put("NotApplicableCount", devices.getOrDefault(ResultantAppState.notApplicable, 0L));
        cells.put("NotInstalledCount", devices.getOrDefault(ResultantAppState.notInstalled, 0L));
        cells.put("PendingInstallCount", devices.getOrDefault(ResultantAppState.pendingInstall, 0L));
        return cells;
    }
}
