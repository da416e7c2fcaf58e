package org.graphstatus.devicemanagement.reports.control;

import java.io.IOException;
import java.util.List;

/** Where a report's rows go one at a time, e.g. into an export's file: cells in the schema's order. */
@FunctionalInterface
public interface ReportRows {

    /** Rows read from the database at once: enough to amortise a query, few enough to hold. */
    int BATCH = 1_000;

    void row(List<Object> cells) throws IOException;
}
