package org.graphstatus.devicemanagement.reports.control;

import java.util.List;

/**
 * One page of a report: its columns, the rows on it (cells in the columns' order: strings, numbers,
 * booleans or null) and how many rows match the filter in all, before {@code skip} and {@code top}.
 */
public record ReportPage(List<ReportColumn> schema, long totalRowCount, List<List<Object>> values) {
}
