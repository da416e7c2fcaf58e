package org.graphstatus.devicemanagement.reports.exportjobs.control;

import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.graphstatus.devicemanagement.reports.control.ReportColumn;
import org.graphstatus.devicemanagement.reports.control.ReportPage;
import org.graphstatus.devicemanagement.reports.control.ReportRows;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementReportFileFormat;
import org.graphstatus.odata.JsonValues;

/**
 * The ZIP an export job hands back: one file, {@code <job id>.csv} (or {@code .json}), written a row at a
 * time as the report's rows arrive, so that no more than a row is held. The CSV has a header of column
 * names, every cell in double quotes (a quote doubled), lines ending in CRLF, UTF-8 without a BOM. The JSON
 * is the synchronous reports' shape: {@code {"Schema": [...], "Values": [[...]], "TotalRowCount": n}}.
 * With {@code replaceLocalizableValues}, a column with a {@code _loc} text holds the text under its own name.
 */
public final class ExportFile implements ReportRows, AutoCloseable {

    private static final String LOCALIZED = "_loc";

    private final ZipOutputStream zip;
    private final Writer text;
    private final JsonGenerator json;
    /** For each column written, the index of the cell it takes. */
    private final int[] cells;
    private long rows;

    public ExportFile(OutputStream out, String jobId, DeviceManagementReportFileFormat format, List<ReportColumn> schema,
            boolean replaceLocalizable) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(jobId + "." + format.name()));
        this.text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        var columns = new ArrayList<ReportColumn>();
        var taken = new ArrayList<Integer>();
        for (int i = 0; i < schema.size(); i++) {
            ReportColumn column = schema.get(i);
            boolean text = column.name().endsWith(LOCALIZED);
            boolean hasText = i + 1 < schema.size() && schema.get(i + 1).name().equals(column.name() + LOCALIZED);
            if (replaceLocalizable && text) {
                continue;
            }
            columns.add(replaceLocalizable && hasText ? new ReportColumn(column.name(), "String") : column);
            taken.add(replaceLocalizable && hasText ? i + 1 : i);
        }
        this.cells = taken.stream().mapToInt(Integer::intValue).toArray();
        if (format == DeviceManagementReportFileFormat.json) {
            this.json = JsonValues.PROVIDER.createGenerator(text);
            json.writeStartObject().writeStartArray("Schema");
            columns.forEach(column -> json.writeStartObject().write("Column", column.name())
                    .write("PropertyType", column.type()).writeEnd());
            json.writeEnd().writeStartArray("Values");
        } else {
            this.json = null;
            line(columns.stream().map(column -> (Object) column.name()).toList());
        }
    }

    @Override
    public void row(List<Object> row) throws IOException {
        var picked = new ArrayList<Object>(cells.length);
        for (int cell : cells) {
            picked.add(row.get(cell));
        }
        if (json != null) {
            json.writeStartArray();
            picked.forEach(cell -> json.write(ReportPage.json(cell)));
            json.writeEnd();
        } else {
            line(picked);
        }
        rows++;
    }

    private void line(List<Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            text.write(i == 0 ? "\"" : ",\"");
            text.write(value == null ? "" : String.valueOf(value).replace("\"", "\"\""));
            text.write('"');
        }
        text.write("\r\n");
    }

    /** Ends the file and the ZIP; the stream beneath is closed too. */
    @Override
    public void close() throws IOException {
        try {
            if (json != null) {
                json.writeEnd().write("TotalRowCount", rows).writeEnd();
                json.flush();
            }
            text.flush();
            zip.closeEntry();
            zip.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
