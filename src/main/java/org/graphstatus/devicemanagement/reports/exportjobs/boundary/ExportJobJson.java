package org.graphstatus.devicemanagement.reports.exportjobs.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJob;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJobLocalizationType;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementReportFileFormat;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementReportStatus;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.EntityBody;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.JsonValues;

/** A {@code deviceManagementExportJob} on the wire, its properties in the order Graph's documentation lists them. */
final class ExportJobJson {

    static final String TYPE = "microsoft.graph.deviceManagementExportJob";
    /** What a create may send; the server-kept ones (Microsoft's own example sends them) are ignored. */
    private static final Set<String> PROPERTIES = Set.of("id", "reportName", "filter", "select", "format", "snapshotId",
            "localizationType", "search", "status", "url", "requestDateTime", "expirationDateTime");
    private static final int MOST_SELECTED = 256;

    private ExportJobJson() {
    }

    static DeviceManagementExportJob read(JsonObject json) {
        EntityBody body = EntityBody.of(json, TYPE, PROPERTIES);
        var job = new DeviceManagementExportJob();
        String reportName = body.string("reportName", 2000);
        if (reportName == null || reportName.isBlank()) {
            throw GraphException.badRequest("An export job needs its reportName, e.g. 'DeviceInstallStatusByApp'.");
        }
        job.setReportName(reportName.strip());
        job.setFilter(body.string("filter", DeviceManagementExportJob.FILTER));
        job.setSelect(select(body).toString());
        job.setFormat(member(body, "format", DeviceManagementReportFileFormat.class, DeviceManagementReportFileFormat.csv));
        if (job.getFormat() != DeviceManagementReportFileFormat.csv && job.getFormat() != DeviceManagementReportFileFormat.json) {
            throw GraphException.badRequest("An export is made as csv or json; not as " + job.getFormat() + ".");
        }
        job.setLocalizationType(member(body, "localizationType", DeviceManagementExportJobLocalizationType.class,
                DeviceManagementExportJobLocalizationType.localizedValuesAsAdditionalColumn));
        if (job.getLocalizationType() == DeviceManagementExportJobLocalizationType.unknownFutureValue) {
            throw GraphException.badRequest("The localizationType is localizedValuesAsAdditionalColumn or replaceLocalizableValues.");
        }
        job.setSearch(body.string("search", DeviceManagementExportJob.SEARCH));
        job.setSnapshotId(body.string("snapshotId", DeviceManagementExportJob.SNAPSHOT_ID));
        return job;
    }

    private static JsonArray select(EntityBody body) {
        JsonValue value = body.structured("select", ValueType.ARRAY, "Collection(Edm.String)");
        var select = JsonValues.PROVIDER.createArrayBuilder();
        if (value != null) {
            JsonArray names = (JsonArray) value;
            if (names.size() > MOST_SELECTED) {
                throw GraphException.badRequest("An export selects at most " + MOST_SELECTED + " columns.");
            }
            for (JsonValue name : names) {
                if (!(name instanceof JsonString text) || text.getString().length() > 1000) {
                    throw GraphException.badRequest("The property 'select' is a collection of column names.");
                }
                if (!text.getString().isBlank()) {
                    select.add(text.getString().strip());
                }
            }
        }
        return select.build();
    }

    /** A member of the enum, its name in any case: scripts write {@code LocalizedValuesAsAdditionalColumn}. */
    private static <E extends Enum<E>> E member(EntityBody body, String name, Class<E> type, E fallback) {
        String text = body.string(name, 100);
        if (text == null) {
            return fallback;
        }
        return Arrays.stream(type.getEnumConstants()).filter(member -> member.name().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> GraphException.badRequest("The value '" + text + "' of property '" + name
                        + "' is not a member of enum type 'microsoft.graph." + type.getSimpleName().substring(0, 1).toLowerCase(Locale.ROOT)
                        + type.getSimpleName().substring(1) + "'."));
    }

    /**
     * The job as Graph writes it. Created, it is {@code notStarted}; read later, a job not yet started is
     * {@code inProgress}, as clients poll only while it is (a GET showing notStarted stops some of them).
     */
    static JsonObjectBuilder write(DeviceManagementExportJob job, boolean created, String url) {
        DeviceManagementReportStatus status = job.getStatus() == DeviceManagementReportStatus.notStarted && !created
                ? DeviceManagementReportStatus.inProgress : job.getStatus();
        return JsonValues.object()
                .add("id", job.getId())
                .add("reportName", job.getReportName())
                .add("filter", JsonValues.string(job.getFilter()))
                .add("select", JsonValues.PROVIDER.createReader(new StringReader(job.getSelect())).readArray())
                .add("format", job.getFormat().name())
                .add("snapshotId", JsonValues.string(job.getSnapshotId()))
                .add("localizationType", job.getLocalizationType().name())
                .add("search", JsonValues.string(job.getSearch()))
                .add("status", status.name())
                .add("url", JsonValues.string(status == DeviceManagementReportStatus.completed ? url : null))
                .add("requestDateTime", job.getRequestDateTime())
                .add("expirationDateTime", job.getExpirationDateTime() == null ? DateTimeOffset.MIN.text() : job.getExpirationDateTime());
    }

    private static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : JsonValues.string(text);
    }
}
