package org.graphstatus.devicemanagement.reports.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.graphstatus.devicemanagement.reports.control.ReportColumn;
import org.graphstatus.devicemanagement.reports.control.ReportPage;
import org.graphstatus.odata.JsonValues;

/** A report page as Intune writes it: {@code {"TotalRowCount": n, "Schema": [...], "Values": [[...], ...]}}. */
final class ReportAnswer {

    private ReportAnswer() {
    }

    static JsonObject json(ReportPage page) {
        JsonArrayBuilder schema = JsonValues.PROVIDER.createArrayBuilder();
        for (ReportColumn column : page.schema()) {
            schema.add(JsonValues.object().add("Column", column.name()).add("PropertyType", column.type()));
        }
        JsonArrayBuilder values = JsonValues.PROVIDER.createArrayBuilder();
        for (var row : page.values()) {
            JsonArrayBuilder cells = JsonValues.PROVIDER.createArrayBuilder();
            row.forEach(cell -> cells.add(ReportPage.json(cell)));
            values.add(cells);
        }
        return JsonValues.object().add("TotalRowCount", page.totalRowCount()).add("Schema", schema).add("Values", values).build();
    }
}
