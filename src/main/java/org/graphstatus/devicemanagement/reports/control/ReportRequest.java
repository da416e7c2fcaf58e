package org.graphstatus.devicemanagement.reports.control;

import java.util.List;

/**
 * What a report action's body asks: the columns ({@code select}, empty for the report's own), the rows
 * ({@code filter}, null for all), their order ({@code orderBy}, each "Column" or "Column asc|desc"), a
 * {@code search} text, and the page ({@code skip}, {@code top}).
 */
public record ReportRequest(List<String> select, ReportFilter filter, List<String> orderBy, String search, int skip, int top) {

    /** Graph's page without {@code top}. */
    public static final int DEFAULT_TOP = 50;

    public static ReportFilter filter(String text) {
        return ReportFilter.parse(text);
    }
}
