package org.graphstatus.devicemanagement.reports.exportjobs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.graphstatus.odata.DateTimeOffset;

/**
 * An export's file in the database, in parts of at most 1 MiB: written as it is made and read as it is
 * sent, a part at a time, so that neither holds more than a part whatever the file's size. Each part is
 * its own statement (a job that fails midway has its parts removed with it), and each written part also
 * stamps the job's progress, by which a job whose maker stopped is told from a slow one.
 */
@ApplicationScoped
public class ExportParts {

    static final int PART = 1 << 20;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    /** Where the file of the job is written; closing it stores the last part. Counts what it stored. */
    public Writer writer(String tenant, String jobId) {
        return new Writer(tenant, jobId);
    }

    /** The file of the job, as stored. */
    public InputStream reader(String tenant, String jobId) {
        return new Reader(tenant, jobId);
    }

    public final class Writer extends OutputStream {

        private final String tenant;
        private final String jobId;
        private final byte[] buffer = new byte[PART];
        private int filled;
        private int parts;
        private long size;

        private Writer(String tenant, String jobId) {
            this.tenant = tenant;
            this.jobId = jobId;
        }

        public long size() {
            return size;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == PART) {
                store();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == PART) {
                    store();
                }
                int n = Math.min(length, PART - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (filled > 0) {
                store();
            }
        }

        private void store() throws IOException {
            try (Connection db = database.getConnection();
                    PreparedStatement insert = db.prepareStatement("INSERT INTO device_management_export_job_part "
                            + "(tenant_id, job_id, part, bytes) VALUES (?, ?, ?, ?)");
                    PreparedStatement progress = db.prepareStatement("UPDATE device_management_export_job "
                            + "SET progress_ticks = ? WHERE tenant_id = ? AND id = ?")) {
                insert.setString(1, tenant);
                insert.setString(2, jobId);
                insert.setInt(3, parts);
                insert.setBytes(4, filled == PART ? buffer : Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
                progress.setLong(1, DateTimeOffset.now().ticks());
                progress.setString(2, tenant);
                progress.setString(3, jobId);
                progress.executeUpdate();
            } catch (SQLException e) {
                throw new IOException("part " + parts + " of the export " + jobId + " could not be stored", e);
            }
            parts++;
            size += filled;
            filled = 0;
        }
    }

    private final class Reader extends InputStream {

        private final String tenant;
        private final String jobId;
        private byte[] part = new byte[0];
        private int next;
        private int read;
        private boolean done;

        private Reader(String tenant, String jobId) {
            this.tenant = tenant;
            this.jobId = jobId;
        }

        @Override
        public int read() throws IOException {
            return fill() ? part[read++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, part.length - read);
            System.arraycopy(part, read, bytes, offset, n);
            read += n;
            return n;
        }

        /** Whether bytes are left, reading the next part when this one is used up. */
        private boolean fill() throws IOException {
            while (!done && read == part.length) {
                try (Connection db = database.getConnection();
                        PreparedStatement select = db.prepareStatement("SELECT bytes FROM device_management_export_job_part "
                                + "WHERE tenant_id = ? AND job_id = ? AND part = ?")) {
                    select.setString(1, tenant);
                    select.setString(2, jobId);
                    select.setInt(3, next++);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            part = row.getBytes(1);
                            read = 0;
                        } else {
                            done = true;
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException("part " + (next - 1) + " of the export " + jobId + " could not be read", e);
                }
            }
            return !done;
        }
    }
}
