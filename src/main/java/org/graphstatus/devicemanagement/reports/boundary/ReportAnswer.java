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
            for (Object cell : row) {
                if (cell == null) {
                    cells.addNull();
                } else if (cell instanceof String text) {
                    cells.add(text);
                } else if (cell instanceof Integer number) {
                    cells.add(number);
                } else if (cell instanceof Long number) {
                    cells.add(number);
                } else if (cell instanceof Double number) {
                    cells.add(number);
                } else if (cell instanceof Boolean bool) {
                    cells.add(bool);
                } else {
                    throw new IllegalStateException("a report cell of " + cell.getClass());
                }
            }
            values.add(cells);
        }
        return JsonValues.object().add("TotalRowCount", page.totalRowCount()).add("Schema", schema).add("Values", values).build();
    }
}
