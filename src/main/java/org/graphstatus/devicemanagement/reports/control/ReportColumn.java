package org.graphstatus.devicemanagement.reports.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.graphstatus.odata.GraphException;

/**
 * A column of a report's answer: its name and its {@code PropertyType} ({@code String}, {@code Int32},
 * {@code Double}, {@code Boolean}, {@code DateTime}), as the answer's {@code Schema} lists it.
 */
public record ReportColumn(String name, String type) {

    static final String LOCALIZED = "_loc";

    static ReportColumn string(String name) {
        return new ReportColumn(name, "String");
    }

    static ReportColumn int32(String name) {
        return new ReportColumn(name, "Int32");
    }

    /** A column whose cell is a code, followed by {@code name_loc}, its text. */
    boolean localized(List<ReportColumn> columns) {
        return columns.stream().anyMatch(column -> column.name().equals(name + LOCALIZED));
    }

    /** The column of {@code columns} called {@code name}, ignoring case; a {@code _loc} column is never asked for. */
    static Optional<ReportColumn> named(List<ReportColumn> columns, String name) {
        return columns.stream()
                .filter(column -> column.name().equalsIgnoreCase(name) && !column.name().endsWith(LOCALIZED))
                .findFirst();
    }

    /**
     * The columns an answer has: the report's own order without {@code select}; with it, the names selected,
     * sorted ignoring case, each localized one followed by its {@code _loc}, as Graph answers and clients read
     * them by position. A name the report does not have, a {@code _loc} name among them, is a 400.
     */
    static List<ReportColumn> chosen(String report, List<ReportColumn> columns, List<String> select) {
        if (select.isEmpty()) {
            return columns;
        }
        var picked = new LinkedHashSet<ReportColumn>();
        for (String name : select) {
            picked.add(named(columns, name).orElseThrow(() -> GraphException.badRequest("The report " + report
                    + " has no column '" + name + "' to select; it has " + names(columns) + ".")));
        }
        var chosen = new ArrayList<ReportColumn>();
        picked.stream().sorted(Comparator.comparing(column -> column.name().toLowerCase(Locale.ROOT))).forEach(column -> {
            chosen.add(column);
            columns.stream().filter(other -> other.name().equals(column.name() + LOCALIZED)).forEach(chosen::add);
        });
        return List.copyOf(chosen);
    }

    static String names(List<ReportColumn> columns) {
        return String.join(", ", columns.stream().map(ReportColumn::name).filter(name -> !name.endsWith(LOCALIZED)).toList());
    }
}
