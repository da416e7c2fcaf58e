package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SQLSTATEs a client is told about, wherever they sit in the chain of causes, and how. */
class DatabaseFailuresTest {

    @ParameterizedTest
    @CsvSource({"08006, 503", "08001, 503", "57P01, 503", "23505, 409", "23503, 409", "23514, 409", "40P01, 409",
            "40001, 409", "HYT00, 409", "57014, 503"})
    void aStateClassAnswersItsStatus(String sqlState, int status) {
        var failure = new PersistenceException("commit failed", new RuntimeException(new SQLException("x", sqlState)));

        GraphException answer = DatabaseFailures.classify(failure).orElseThrow();

        assertEquals(status, answer.status());
        assertEquals(status == 503 ? Integer.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS) : null, answer.retryAfterSeconds());
        assertEquals(status == 503 ? "ServiceUnavailable" : "Conflict", answer.code());
    }

    @ParameterizedTest
    @CsvSource({"42P01", "22001", "XX000", "HY000"})
    void anyOtherStateIsAFaultOfOurs(String sqlState) {
        assertTrue(DatabaseFailures.classify(new PersistenceException(new SQLException("x", sqlState))).isEmpty());
        assertTrue(DatabaseFailures.classify(new IllegalStateException("no SQL at all")).isEmpty());
    }
}
