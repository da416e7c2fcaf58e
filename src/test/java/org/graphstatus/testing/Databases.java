package org.graphstatus.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The run's database server for tests that need a database of their own: a fresh one each time. */
public final class Databases {

    private Databases() {
    }

    public static boolean postgresqlRun() {
        return System.getProperty("graph.postboot", "").endsWith("postgresql.asadmin");
    }

    /** A new, empty PostgreSQL database on the server of PGHOST and friends; returns its name. */
    public static String createPostgresql(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    public static void dropPostgresql(String name) throws SQLException {
        execute("postgres", "DROP DATABASE IF EXISTS " + name);
    }

    public static String postgresqlUrl(String database) {
        return "jdbc:postgresql://" + env("PGHOST", "localhost") + ":" + env("PGPORT", "5432") + "/" + database
                + "?user=" + env("PGUSER", "postgres") + "&password=" + env("PGPASSWORD", "");
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection db = connect(postgresqlUrl(database)); var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
