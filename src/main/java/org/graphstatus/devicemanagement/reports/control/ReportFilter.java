package org.graphstatus.devicemanagement.reports.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter of an Intune report action, as the admin center and scripts write it: comparisons of a column
 * with a single-quoted literal (numbers too: {@code InstallState eq '1'}), joined by {@code and} and
 * {@code or}, nested in parentheses, e.g. {@code ((InstallState eq '1') or (InstallState eq '2')) and
 * (ApplicationId eq '...')}. {@code and} binds tighter than {@code or}, as in OData. An empty filter is none.
 */
public sealed interface ReportFilter {

    enum Operator { eq, gt, ge, lt, le }

    /** {@code column operator 'literal'}; the column's name as written. */
    record Comparison(String column, Operator operator, String literal) implements ReportFilter {
    }

    record And(List<ReportFilter> all) implements ReportFilter {
    }

    record Or(List<ReportFilter> any) implements ReportFilter {
    }

    /** The filter of {@code text}, or null for a missing or blank one. */
    static ReportFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new ReportFilterParser(text).filter();
    }

    /** Every comparison in the filter, wherever it stands. */
    default List<Comparison> comparisons() {
        var found = new ArrayList<Comparison>();
        collect(this, found);
        return found;
    }

    private static void collect(ReportFilter filter, List<Comparison> found) {
        if (filter instanceof Comparison comparison) {
            found.add(comparison);
        } else if (filter instanceof And and) {
            and.all().forEach(part -> collect(part, found));
        } else if (filter instanceof Or or) {
            or.any().forEach(part -> collect(part, found));
        }
    }
}
