package org.graphstatus.throttling;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.graphstatus.database.Dialect;

/**
 * The throttling counters, in the database every instance shares: table {@code throttling_counter}, one row
 * per limit's key and window. A request adds one to each of its keys and reads the sums back in one short
 * transaction of its own, apart from the request's work, so a throttled request changes nothing else and a
 * failed request still counts.
 */
@ApplicationScoped
public class Counters {

    /**
     * PostgreSQL adds one atomically even when two instances open the same window at once. H2 (one instance,
     * one file) has no ON CONFLICT; its MERGE can meet a row another request inserted meanwhile, and then the
     * increment is tried once more, by then an update.
     */
    private static final String POSTGRESQL_INCREMENT = """
            INSERT INTO throttling_counter (bucket, window_start, requests) VALUES (?, ?, 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET requests = throttling_counter.requests + 1
            RETURNING requests""";
    private static final String H2_INCREMENT = """
            SELECT requests FROM FINAL TABLE (MERGE INTO throttling_counter t
            USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS BIGINT))) s (bucket, window_start)
            ON t.bucket = s.bucket AND t.window_start = s.window_start
            WHEN MATCHED THEN UPDATE SET requests = t.requests + 1
            WHEN NOT MATCHED THEN INSERT (bucket, window_start, requests) VALUES (s.bucket, s.window_start, 1))""";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int TIMEOUT_SECONDS = 5;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /**
     * Adds one request to each counter in window {@code window} and answers their sums, this request
     * included. The keys come in one order on every call (the limits' order), so two requests lock shared
     * rows in the same order and never deadlock. {@code limits} are the names of the limits counted in
     * windows of this size, whose old windows the first request of a window removes.
     */
    int[] increment(List<String> buckets, List<String> limits, long window) {
        try {
            return incrementOnce(buckets, limits, window);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                try {
                    return incrementOnce(buckets, limits, window); // the row is there now: an update this time
                } catch (SQLException again) {
                    throw new IllegalStateException(again);
                }
            }
            throw new IllegalStateException(e);
        }
    }

    private int[] incrementOnce(List<String> buckets, List<String> limits, long window) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                String increment = Dialect.of(db) == Dialect.H2 ? H2_INCREMENT : POSTGRESQL_INCREMENT;
                int[] sums = new int[buckets.size()];
                try (PreparedStatement statement = db.prepareStatement(increment)) {
                    statement.setQueryTimeout(TIMEOUT_SECONDS);
                    for (int i = 0; i < sums.length; i++) {
                        statement.setString(1, buckets.get(i));
                        statement.setLong(2, window);
                        try (var row = statement.executeQuery()) {
                            row.next();
                            sums[i] = row.getInt(1);
                        }
                    }
                }
                if (sums.length > 0 && sums[0] == 1) {
                    forgetOldWindows(db, limits, window);
                }
                db.commit();
                return sums;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true); // the pool hands the connection on as it was handed over
            }
        }
    }

    /**
     * The first request of a window for a tenant removes windows before the previous one: a count is read
     * only in its own window, and keeping one window back lets a lagging instance's clock find its row.
     * Only the rows of these limits: other limits count windows of another size.
     */
    private static void forgetOldWindows(Connection db, List<String> limits, long window) throws SQLException {
        String sameSize = String.join(" OR ", limits.stream().map(limit -> "bucket LIKE ?").toList());
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM throttling_counter WHERE window_start < ? AND ("
                + sameSize + ")")) {
            delete.setQueryTimeout(TIMEOUT_SECONDS);
            delete.setLong(1, window - 1);
            for (int i = 0; i < limits.size(); i++) {
                delete.setString(i + 2, limits.get(i) + "/%");
            }
            delete.executeUpdate();
        }
    }
}
