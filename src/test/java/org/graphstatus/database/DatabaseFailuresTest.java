package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.io.IOException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SQLSTATEs a client is told about, wherever they sit in the chain of causes, and how. */
class DatabaseFailuresTest {

    @ParameterizedTest
    @CsvSource({"08006, 503", "08001, 503", "57P01, 503", "23505, 409", "23503, 409", "23514, 409", "40P01, 409",
            "40001, 409", "HYT00, 409", "57014, 503", "53100, 503", "53200, 503", "90098, 503", "90020, 503",
            "90121, 503", "90030, 503"})
    void aStateClassAnswersItsStatus(String sqlState, int status) {
        var failure = new PersistenceException("commit failed", new RuntimeException(new SQLException("x", sqlState)));

        GraphException answer = DatabaseFailures.classify(failure).orElseThrow();

        assertEquals(status, answer.status());
        assertEquals(status == 503 ? Integer.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS) : null, answer.retryAfterSeconds());
        assertEquals(status == 503 ? "ServiceUnavailable" : "Conflict", answer.code());
    }

    /** As H2 reported a full disk here: a general error whose causes are its store's and the file system's. */
    @Test
    void aFullDiskIsUnavailableNotAFault() {
        var disk = new IOException("No space left on device");
        var store = new SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to ... failed\"", "50000",
                new IllegalStateException("Writing failed", disk));
        GraphException answer = DatabaseFailures.classify(new PersistenceException(store)).orElseThrow();
        assertEquals(503, answer.status());
        assertEquals(Integer.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS), answer.retryAfterSeconds());
        assertTrue(answer.getMessage().contains("disk may be full"), answer.getMessage());
    }

    /** A commit that failed inside the transaction manager, its resource's reason only in a message. */
    @Test
    void aCommitTheTransactionManagerCouldNotMakeIsUnavailable() {
        var failure = new TransactionalException("encountered exception during commit",
                new SystemException(new XAException("LocalTransactionException: General error").getMessage()));
        GraphException answer = DatabaseFailures.classify(failure).orElseThrow();
        assertEquals(503, answer.status());
        assertEquals("The database could not commit the change; retry later.", answer.getMessage());
        var xa = new TransactionalException("commit", new RuntimeException(new XAException(XAException.XAER_RMERR)));
        assertEquals(503, DatabaseFailures.classify(xa).orElseThrow().status());
        var race = new XAException(XAException.XA_RBINTEGRITY);
        race.initCause(new SQLException("duplicate key", "23505"));
        assertEquals(409, DatabaseFailures.classify(new TransactionalException("commit", race)).orElseThrow().status(),
                "a race that failed the commit is still a race");
    }

    @ParameterizedTest
    @CsvSource({"42P01", "22001", "XX000", "HY000"})
    void anyOtherStateIsAFaultOfOurs(String sqlState) {
        assertTrue(DatabaseFailures.classify(new PersistenceException(new SQLException("x", sqlState))).isEmpty());
        assertTrue(DatabaseFailures.classify(new IllegalStateException("no SQL at all")).isEmpty());
        assertTrue(DatabaseFailures.classify(new IllegalStateException(new IOException("a body cut short"))).isEmpty(),
                "an I/O failure outside the database is not the database's");
    }
}
