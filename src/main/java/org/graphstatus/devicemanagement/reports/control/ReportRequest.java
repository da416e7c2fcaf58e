package org.graphstatus.devicemanagement.reports.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Comparison;
import org.graphstatus.odata.GraphException;

/**
 * What a report action's body asks: the columns ({@code select}, empty for the report's own), the rows
 * ({@code filter}, null for all), their order ({@code orderBy}, each "Column" or "Column asc|desc"), a
 * {@code search} text, and the page ({@code skip}, {@code top}).
 */
public record ReportRequest(List<String> select, ReportFilter filter, List<String> orderBy, String search, int skip, int top) {

    /** Graph's page without {@code top}. */
    public static final int DEFAULT_TOP = 50;

    private static final String APPLICATION_ID = "ApplicationId";

    public static ReportFilter filter(String text) {
        return ReportFilter.parse(text);
    }

    /** One item of {@code orderBy}: a column's name as written, and its direction. */
    record Sort(String column, boolean descending) {
    }

    List<Sort> sorts() {
        var sorts = new ArrayList<Sort>();
        for (String item : orderBy) {
            String[] words = item.strip().split("\\s+");
            boolean descending = words.length == 2 && words[1].equalsIgnoreCase("desc");
            if (words.length > 2 || words.length == 2 && !descending && !words[1].equalsIgnoreCase("asc")) {
                throw GraphException.badRequest("Invalid orderBy '" + item + "': a column, then asc or desc.");
            }
            sorts.add(new Sort(words[0], descending));
        }
        return sorts;
    }

    /** {@code search} in lower case, or null without one. */
    String searchText() {
        return search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code search} as a LIKE pattern over lower-case text ({@code \} escapes), or null without one. */
    String searchPattern() {
        String text = searchText();
        return text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A report of one app's rows: its filter names the app, among other comparisons it may have. */
    void requireApplicationId(String report) {
        if (filter == null || filter.comparisons().stream().noneMatch(ReportRequest::namesTheApp)) {
            throw GraphException.badRequest("The report " + report + " needs the app in its filter: "
                    + "(ApplicationId eq '<mobileApp id>').");
        }
    }

    /** The app of a report whose only filter is {@code (ApplicationId eq '...')}, in lower case as ids are kept. */
    String applicationIdOnly(String report) {
        if (filter instanceof Comparison comparison && namesTheApp(comparison)) {
            return comparison.literal().toLowerCase(Locale.ROOT);
        }
        throw GraphException.badRequest("The report " + report + " is of one app: its filter is (ApplicationId eq '<mobileApp id>').");
    }

    private static boolean namesTheApp(Comparison comparison) {
        return comparison.operator() == ReportFilter.Operator.eq && comparison.column().equalsIgnoreCase(APPLICATION_ID);
    }
}
