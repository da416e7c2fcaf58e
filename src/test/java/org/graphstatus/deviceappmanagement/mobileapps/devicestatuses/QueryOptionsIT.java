package org.graphstatus.deviceappmanagement.mobileapps.devicestatuses;

import static java.util.Comparator.comparing;
import static java.util.Comparator.nullsFirst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.graphstatus.testing.DeployedService;
import org.graphstatus.testing.GraphClient;
import org.graphstatus.testing.GraphClient.Answer;
import org.graphstatus.testing.Routes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OData query options on a collection of 230 statuses: each answer is checked against what the test computes
 * from the statuses it created, so a wrong filter, order or page shows as a difference, not as a count.
 */
class QueryOptionsIT extends DeployedService {

    static final int STATUSES = 230;
    static final String[] STATES = {"installed", "failed", "pendingInstall", "notInstalled"};
    static final String[] OFFSETS = {"Z", "+02:00", "-08:00"};

    static String statuses;
    static List<JsonObject> created;

    @BeforeEach
    void statuses() {
        synchronized (QueryOptionsIT.class) {
            if (created == null) {
                statuses = Routes.deviceStatuses(graph.newApp());
                var all = new ArrayList<JsonObject>();
                for (int i = 0; i < STATUSES; i++) {
                    String name = i % 10 == 0 ? "null" : "\"dev-" + (i % 37) + (i % 3 == 0 ? "ünï✓" : "") + "\"";
                    String time = OffsetDateTime.parse("2026-01-01T00:00:00Z").plusMinutes(i * 7L % 600)
                            .withOffsetSameInstant(java.time.ZoneOffset.of(OFFSETS[i % 3])).toString();
                    Answer answer = graph.post(statuses, "{\"deviceName\":" + name + ",\"errorCode\":" + (i % 5)
                            + ",\"installState\":\"" + STATES[i % 4] + "\",\"lastSyncDateTime\":\"" + time + "\"}");
                    assertEquals(201, answer.status(), answer.body());
                    all.add(answer.json());
                }
                created = all;
            }
        }
    }

    @Test
    void pagesOf100FollowTheNextLinkToTheEnd() {
        List<JsonObject> read = new ArrayList<>();
        JsonObject page = get("");
        int pages = 1;
        assertEquals(100, page.getJsonArray("value").size());
        while (true) {
            page.getJsonArray("value").forEach(value -> read.add(value.asJsonObject()));
            if (!page.containsKey("@odata.nextLink")) {
                break;
            }
            String next = page.getString("@odata.nextLink");
            assertTrue(next.contains("$skiptoken="), next);
            page = follow(next);
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(ids(sorted(created, comparing(s -> s.getString("id")))), ids(read), "every status once, by id");
    }

    /** As on Graph, where SDK page iterators rely on it: {@code $top} sizes the pages, the links go on to the end. */
    @Test
    void topIsThePageSizeAndTheNextLinkGoesOnToTheEnd() {
        List<JsonObject> read = new ArrayList<>();
        JsonObject page = get("?$top=40");
        int pages = 1;
        while (page.containsKey("@odata.nextLink")) {
            assertEquals(40, values(page).size(), "only the last page may be short");
            read.addAll(values(page));
            String next = page.getString("@odata.nextLink");
            assertTrue(next.contains("$top=40"), "the next link keeps the page size: " + next);
            page = follow(next);
            pages++;
        }
        read.addAll(values(page));
        assertEquals(6, pages);
        assertEquals(ids(sorted(created, comparing(s -> s.getString("id")))), ids(read), "every status once, in order");

        JsonObject small = get("?$top=7");
        assertEquals(7, small.getJsonArray("value").size());
        assertTrue(small.containsKey("@odata.nextLink"), "a page size, not a total");
        JsonObject none = get("?$top=0");
        assertEquals(0, none.getJsonArray("value").size());
        assertFalse(none.containsKey("@odata.nextLink"));
        JsonObject everything = get("?$top=999");
        assertEquals(STATUSES, everything.getJsonArray("value").size());
        assertFalse(everything.containsKey("@odata.nextLink"));
    }

    @Test
    void topAboveTheLargestPageIs400NamingTheLimit() {
        Answer answer = graph.get(statuses + "?$top=1000");
        assertEquals(400, answer.status(), answer.body());
        assertEquals("BadRequest", answer.errorCode());
        assertTrue(answer.errorMessage().contains("999"), answer.errorMessage());
    }

    @Test
    void skipAppliesBeforeTheFirstPageOnly() {
        assertEquals(ids(sorted(created, comparing(s -> s.getString("id")))).subList(195, 230),
                ids(all("?$skip=195&$top=20")));
    }

    @Test
    void theCountSegmentAnswersTheNumberAsPlainTextAndHonoursFilter() {
        Answer all = graph.get(statuses + "/$count");
        assertEquals(200, all.status(), all.body());
        assertEquals(String.valueOf(STATUSES), all.body());
        assertTrue(all.header("Content-Type").startsWith("text/plain"), all.header("Content-Type"));

        long failed = created.stream().filter(s -> s.getString("installState").equals("failed")).count();
        Answer filtered = withEventualConsistency(statuses + "/$count?$filter=" + encode("installState eq 'failed'"));
        assertEquals(200, filtered.status(), filtered.body());
        assertEquals(String.valueOf(failed), filtered.body());
        Answer counted = withEventualConsistency(statuses + "?$count=true&$top=1");
        assertEquals(200, counted.status(), counted.body());
        assertEquals(STATUSES, counted.json().getInt("@odata.count"));

        for (String option : List.of("$top=1", "$orderby=deviceName", "$count=true", "$select=deviceName")) {
            Answer refused = graph.get(statuses + "/$count?" + option);
            assertEquals(400, refused.status(), option + " → " + refused.body());
            assertEquals("BadRequest", refused.errorCode());
        }
    }

    @Test
    void skipAndCount() {
        JsonObject page = get("?$skip=220&$count=true");
        assertEquals(10, page.getJsonArray("value").size());
        assertEquals(STATUSES, page.getInt("@odata.count"));
        assertEquals(ids(sorted(created, comparing(s -> s.getString("id")))).subList(220, 230), ids(values(page)));
        assertFalse(get("").containsKey("@odata.count"), "only when asked");
    }

    @Test
    void orderBySeveralKeysAcrossPages() {
        Comparator<JsonObject> order = Comparator.<JsonObject, Integer>comparing(s -> s.getInt("errorCode")).reversed()
                .thenComparing(s -> s.isNull("deviceName") ? "" : s.getString("deviceName"))
                .thenComparing(s -> s.getString("id"));
        assertEquals(ids(sorted(created, order)), ids(all("?$orderby=" + encode("errorCode desc,deviceName"))));
    }

    @Test
    void orderByDateOrdersByInstantWhateverTheOffset() {
        Comparator<JsonObject> order = Comparator.<JsonObject, OffsetDateTime>comparing(
                s -> OffsetDateTime.parse(s.getString("lastSyncDateTime")), Comparator.comparing(OffsetDateTime::toInstant))
                .reversed().thenComparing(s -> s.getString("id"));
        assertEquals(ids(sorted(created, order)), ids(all("?$orderby=" + encode("lastSyncDateTime desc"))));
    }

    @Test
    void filters() {
        assertFilter("errorCode eq 3", s -> s.getInt("errorCode") == 3);
        assertFilter("errorCode ne 3", s -> s.getInt("errorCode") != 3);
        assertFilter("errorCode gt 3", s -> s.getInt("errorCode") > 3);
        assertFilter("errorCode ge 3", s -> s.getInt("errorCode") >= 3);
        assertFilter("errorCode lt 1", s -> s.getInt("errorCode") < 1);
        assertFilter("errorCode le 1", s -> s.getInt("errorCode") <= 1);
        assertFilter("installState eq 'failed'", s -> s.getString("installState").equals("failed"));
        assertFilter("installState eq microsoft.graph.resultantAppState'failed'", s -> s.getString("installState").equals("failed"));
        assertFilter("deviceName eq null", s -> s.isNull("deviceName"));
        assertFilter("deviceName ne null and errorCode eq 0", s -> !s.isNull("deviceName") && s.getInt("errorCode") == 0);
        assertFilter("startswith(deviceName,'dev-1')", s -> name(s).startsWith("dev-1"));
        assertFilter("endswith(deviceName,'ünï✓')", s -> name(s).endsWith("ünï✓"));
        assertFilter("contains(deviceName,'-2')", s -> name(s).contains("-2"));
        assertFilter("not contains(deviceName,'-2')", s -> !s.isNull("deviceName") && !name(s).contains("-2"));
        assertFilter("not (deviceName eq 'dev-1')", s -> s.isNull("deviceName") || !name(s).equals("dev-1"));
        assertFilter("deviceName ne 'dev-1'", s -> s.isNull("deviceName") || !name(s).equals("dev-1"));
        assertFilter("not (deviceName lt 'dev-3')", s -> s.isNull("deviceName") || name(s).compareTo("dev-3") >= 0);
        assertFilter("installState eq 'failed' or errorCode eq 4 and deviceName ne null",
                s -> s.getString("installState").equals("failed") || s.getInt("errorCode") == 4 && !s.isNull("deviceName"));
        assertFilter("(installState eq 'failed' or errorCode eq 4) and deviceName ne null",
                s -> (s.getString("installState").equals("failed") || s.getInt("errorCode") == 4) && !s.isNull("deviceName"));
        assertFilter("lastSyncDateTime ge 2026-01-01T05:00:00+02:00",
                s -> !OffsetDateTime.parse(s.getString("lastSyncDateTime")).isBefore(OffsetDateTime.parse("2026-01-01T05:00:00+02:00")));
        assertFilter("lastSyncDateTime lt 2026-01-01T01:00:00Z and installState eq 'installed'",
                s -> OffsetDateTime.parse(s.getString("lastSyncDateTime")).isBefore(OffsetDateTime.parse("2026-01-01T01:00:00Z"))
                        && s.getString("installState").equals("installed"));
    }

    @Test
    void aFilterPagesAndCountsToo() {
        String filter = "?$count=true&$orderby=" + encode("deviceName desc") + "&$filter=" + encode("errorCode ne 2");
        List<JsonObject> expected = sorted(created.stream().filter(s -> s.getInt("errorCode") != 2).toList(),
                Comparator.<JsonObject, String>comparing(s -> s.isNull("deviceName") ? "" : s.getString("deviceName"))
                        .reversed().thenComparing(s -> s.getString("id")));
        assertEquals(expected.size(), get(filter).getInt("@odata.count"));
        assertEquals(ids(expected), ids(all(filter)));
    }

    @Test
    void selectAnswersOnlyThoseAndTheId() {
        JsonObject page = get("?$top=1&$select=" + encode("deviceName,installState"));
        assertEquals(Set.of("@odata.type", "id", "deviceName", "installState"), values(page).get(0).keySet());
        assertEquals(graph.uri("$metadata") + "#" + statuses.replaceAll("mobileApps/([^/]+)", "mobileApps('$1')")
                + "(deviceName,installState)", page.getString("@odata.context"), "names the selected properties");
    }

    /** Client text reaches no query text: each is a 400 with a message, or a plain value that matches nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"deviceName eq 'x'' OR 1=1 --'", "deviceName eq 'x') or (1 eq 1",
            "deviceName eq 'x'; DROP TABLE mobile_app_install_status; --", "SELECT eq 1", "deviceName eq FROM",
            "contains(deviceName,'%')", "contains(deviceName,'_')", "deviceName eq '\\u0000'", "deviceName eq '日本語'",
            "deviceName eq 'a\0b'", "contains(deviceName,'\0')", // a real NUL: PostgreSQL cannot compare one
            "errorCode eq 99999999999", "installState eq 'hacked'", "errorCode eq '1'", "deviceName gt 1",
            "(((((", "deviceName eq 'unterminated", "startswith(errorCode,'1')", "1 eq 1", "deviceName", ""})
    void hostileOrBrokenFiltersAre400OrMatchNothing(String filter) {
        Answer answer = graph.get(statuses + "?$filter=" + encode(filter));
        if (answer.status() == 200) {
            assertEquals(0, answer.json().getJsonArray("value").size(), filter + " → " + answer.body());
        } else {
            assertEquals(400, answer.status(), filter + " → " + answer.body());
            assertEquals("BadRequest", answer.errorCode());
        }
    }

    @Test
    void aSyntaxErrorNamesItsPosition() {
        Answer answer = graph.get(statuses + "?$filter=" + encode("errorCode eq 1 and (deviceName eq 'x'"));
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.errorMessage().contains("position"), answer.errorMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$top=-1", "$top=many", "$skip=-5", "$count=maybe", "$orderby=color", "$orderby=deviceName%20up",
            "$select=color", "$expand=user", "$search=x", "$skiptoken=forged", "$top=1&$top=2"})
    void unsupportedOrMalformedOptionsAre400(String options) {
        Answer answer = graph.get(statuses + "?" + options);
        assertEquals(400, answer.status(), options + " → " + answer.body());
        assertEquals("BadRequest", answer.errorCode());
    }

    @Test
    void aTamperedSkiptokenIs400() {
        String next = get("").getString("@odata.nextLink");
        String token = next.substring(next.indexOf("$skiptoken=") + "$skiptoken=".length());
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        Answer answer = graph.get(statuses + "?$skiptoken=" + tampered);
        assertTrue(answer.status() == 400 || answer.status() == 200, answer.body()); // a still-valid token is no leak
        assertEquals(400, graph.get(statuses + "?$orderby=errorCode&$skiptoken=" + token).status(),
                "a token of another $orderby");
    }

    private Answer withEventualConsistency(String path) {
        return GraphClient.send(GraphClient.request(graph.uri(path),
                org.graphstatus.testing.Tokens.delegated(org.graphstatus.testing.Tokens.READ))
                .header("ConsistencyLevel", "eventual").GET());
    }

    private void assertFilter(String filter, Predicate<JsonObject> expected) {
        assertEquals(ids(sorted(created.stream().filter(expected).toList(), comparing(s -> s.getString("id")))),
                ids(all("?$filter=" + encode(filter))), filter);
    }

    private static String name(JsonObject status) {
        return status.isNull("deviceName") ? "" : status.getString("deviceName");
    }

    private JsonObject get(String query) {
        Answer answer = graph.get(statuses + query);
        assertEquals(200, answer.status(), query + " → " + answer.body());
        return answer.json();
    }

    private JsonObject follow(String nextLink) {
        Answer answer = GraphClient.send(GraphClient.request(URI.create(nextLink),
                org.graphstatus.testing.Tokens.delegated(org.graphstatus.testing.Tokens.READ)).GET());
        assertEquals(200, answer.status(), nextLink + " → " + answer.body());
        return answer.json();
    }

    /** Every page of a query, by nextLink, through the tests' one walker, with a read-only token. */
    private List<JsonObject> all(String query) {
        return graph.as(org.graphstatus.testing.Tokens.delegated(org.graphstatus.testing.Tokens.READ)).all(statuses + query);
    }

    private static List<JsonObject> values(JsonObject page) {
        return page.getJsonArray("value").stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<JsonObject> sorted(List<JsonObject> statuses, Comparator<JsonObject> order) {
        return statuses.stream().sorted(order).toList();
    }

    private static List<String> ids(List<JsonObject> statuses) {
        return statuses.stream().map(s -> s.getString("id")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
