package org.graphstatus.devicemanagement.reports.control;

import jakarta.json.JsonValue;
import java.util.List;
import org.graphstatus.odata.JsonValues;

/**
 * One page of a report: its columns, the rows on it (cells in the columns' order: strings, numbers,
 * booleans or null) and how many rows match the filter in all, before {@code skip} and {@code top}.
 */
public record ReportPage(List<ReportColumn> schema, long totalRowCount, List<List<Object>> values) {

    /** A cell as JSON, in an answer or an export's file alike. */
    public static JsonValue json(Object cell) {
        if (cell == null) {
            return JsonValue.NULL;
        } else if (cell instanceof String text) {
            return JsonValues.PROVIDER.createValue(text);
        } else if (cell instanceof Integer number) {
            return JsonValues.PROVIDER.createValue(number);
        } else if (cell instanceof Long number) {
            return JsonValues.PROVIDER.createValue(number);
        } else if (cell instanceof Double number) {
            return JsonValues.PROVIDER.createValue(number);
        } else if (cell instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        throw new IllegalStateException("a report cell of " + cell.getClass());
    }
}
