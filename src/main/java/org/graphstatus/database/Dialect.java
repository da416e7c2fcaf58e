package org.graphstatus.database;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.persistence.sessions.Session;

/**
 * The two databases this service runs on, for the few things they do differently: the one place that asks
 * which database a connection reaches. The embedded H2 (one instance, one file) and PostgreSQL (any number of
 * instances) differ in their upsert syntax and in whether a foreign key check locks the parent (ParentRows).
 */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("H2") ? H2 : POSTGRESQL;
    }

    public static Dialect of(EntityManager em) {
        return em.unwrap(Session.class).getPlatform().isH2() ? H2 : POSTGRESQL;
    }
}
