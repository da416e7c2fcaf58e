package org.graphstatus.deviceappmanagement.mobileapps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.graphstatus.database.DatabaseFailures;
import org.graphstatus.deviceappmanagement.mobileapps.boundary.MobileAppJson;
import org.graphstatus.deviceappmanagement.mobileapps.control.MobileApps;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.boundary.MobileAppInstallStatusJson;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.control.MobileAppInstallStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.MobileAppInstallStatus;
import org.graphstatus.deviceappmanagement.mobileapps.devicestatuses.entity.ResultantAppState;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.InstallCounts;
import org.graphstatus.deviceappmanagement.mobileapps.installsummary.control.MobileAppInstallSummary;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.boundary.UserAppInstallStatusJson;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.control.UserAppInstallStatuses;
import org.graphstatus.deviceappmanagement.mobileapps.userstatuses.entity.UserAppInstallStatus;
import org.graphstatus.devicemanagement.reports.exportjobs.control.ExportJobs;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJob;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementExportJobLocalizationType;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementReportFileFormat;
import org.graphstatus.devicemanagement.reports.exportjobs.entity.DeviceManagementReportStatus;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of the control layer, for what HTTP cannot pin down: the database's cascade of a parent
 * delete, counts that describe one moment while other transactions write, and a create that loses a race
 * with a delete at a chosen point of its transaction. They run inside the server (Arquillian's servlet
 * protocol) against the built WAR itself, so the persistence unit, the Flyway schema and the beans are the
 * real ones; the entities are made by the boundary's own JSON readers, as a request would make them. Also
 * what time does to a report export job: a stalled one reads as failed, an expired one is gone.
 */
@ExtendWith(ArquillianExtension.class)
public class ControlLayerIT {

    /** The control layer is called with the tenant the boundary would have read from the token. */
    static final String TENANT = "control-layer-it";

    /** The three states a user status counts; the concurrent test keeps every device in one of them. */
    static final List<ResultantAppState> COUNTED = List.of(ResultantAppState.installed, ResultantAppState.failed,
            ResultantAppState.notInstalled);

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("graph.war")))
                .addClasses(ControlLayerIT.class, Transactions.class, User.class);
    }

    @Inject
    ExportJobs exportJobs;
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;
    @Inject
    MobileApps mobileApps;
    @Inject
    UserAppInstallStatuses userStatuses;
    @Inject
    MobileAppInstallStatuses deviceStatuses;
    @Inject
    InstallCounts installCounts;
    @Inject
    Transactions transactions;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Test
    void deletingAParentDeletesWhatItContainsAndNothingElse() {
        String doomed = newApp();
        String kept = newApp();
        for (String app : List.of(doomed, kept)) {
            newDevice(app, null, ResultantAppState.installed);
            String user = newUser(app);
            newDevice(app, user, ResultantAppState.failed);
            newDevice(app, user, ResultantAppState.installed);
        }
        String keptUser = newUser(kept);
        newDevice(kept, keptUser, ResultantAppState.notInstalled);
        assertEquals(List.of(1L, 3L), transactions.rows(doomed));
        assertEquals(List.of(2L, 4L), transactions.rows(kept));

        mobileApps.delete(TENANT, doomed);
        assertEquals(List.of(0L, 0L), transactions.rows(doomed), "user and device statuses of the deleted app");
        assertEquals(List.of(2L, 4L), transactions.rows(kept), "the other app's statuses");

        userStatuses.delete(TENANT, kept, keptUser);
        assertEquals(List.of(1L, 3L), transactions.rows(kept), "the user status took its one device with it");
        assertEquals(0L, transactions.devicesUnder(keptUser));
    }

    /**
     * Writers add users of two devices each (in one transaction, so no user is ever seen with one), move devices
     * between the three counted states and delete users, while this thread reads. Whatever moment a summary
     * describes, it must be one that existed: 2 devices per counted user, and per state the bounds that pairs
     * allow. Reading devices and users in two queries breaks them as soon as a write falls between the queries;
     * likewise a user's three counts always add up to its 2 devices only if they are counted in one query.
     */
    @Test
    void countsDescribeOneMomentWhileOthersWrite() throws Exception {
        String app = newApp();
        List<User> steady = new CopyOnWriteArrayList<>(); // never deleted, so their counts can always be read
        AtomicInteger writes = new AtomicInteger();
        long until = System.nanoTime() + 3_000_000_000L;
        List<Callable<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            writers.add(() -> {
                var random = ThreadLocalRandom.current();
                List<User> mine = new ArrayList<>();
                while (System.nanoTime() < until) {
                    double dice = random.nextDouble();
                    if (mine.size() < 3 || dice < 0.25) {
                        User user = transactions.userWithTwoDevices(app, counted(), counted());
                        if (steady.size() < 6) {
                            steady.add(user);
                        } else {
                            mine.add(user);
                        }
                    } else if (dice < 0.4) {
                        User user = mine.remove(random.nextInt(mine.size()));
                        userStatuses.delete(TENANT, app, user.id());
                    } else {
                        User user = random.nextBoolean() && !steady.isEmpty()
                                ? steady.get(random.nextInt(steady.size())) : mine.get(random.nextInt(mine.size()));
                        String device = user.devices().get(random.nextInt(2));
                        deviceStatuses.update(TENANT, app, user.id(), device, MobileAppInstallStatusJson.PROPERTIES.patch(
                                Json.createObjectBuilder().add("installState", counted().name()).build(), device));
                    }
                    writes.incrementAndGet();
                }
                return null;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(writers.size(), threads);
        int summaries = 0;
        int userReads = 0;
        try {
            List<Future<Void>> running = writers.stream().map(pool::submit).toList();
            while (running.stream().anyMatch(f -> !f.isDone())) {
                assertOneMoment(transactions.read(() -> installCounts.summary(TENANT, app)));
                summaries++;
                if (!steady.isEmpty()) {
                    User user = steady.get(summaries % steady.size());
                    UserAppInstallStatus counts = transactions.read(
                            () -> installCounts.counted(userStatuses.get(TENANT, app, user.id())));
                    assertEquals(2, counts.getInstalledDeviceCount() + counts.getFailedDeviceCount()
                            + counts.getNotInstalledDeviceCount(), "a user's counts add up to its 2 devices");
                    userReads++;
                }
            }
            for (Future<Void> writer : running) {
                writer.get(); // a writer's failure fails the test
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(writes.get() > 20 && summaries > 20 && userReads > 20,
                "the reads overlapped the writes: " + writes + " writes, " + summaries + " summaries, "
                        + userReads + " user reads");

        // At rest the summary's totals are the rows of the app.
        MobileAppInstallSummary rest = transactions.read(() -> installCounts.summary(TENANT, app));
        List<Long> rows = transactions.rows(app);
        assertEquals(0L, transactions.orphans(app), "device statuses whose user status was deleted");
        assertEquals(rows.get(0), COUNTED.stream().mapToLong(rest::users).sum(), "users at rest");
        assertEquals(rows.get(1), COUNTED.stream().mapToLong(rest::devices).sum(), "devices at rest");
    }

    /** What a summary of users of two devices each, all in the three counted states, can be. */
    static void assertOneMoment(MobileAppInstallSummary s) {
        long dInstalled = s.devices(ResultantAppState.installed);
        long dFailed = s.devices(ResultantAppState.failed);
        long dNotInstalled = s.devices(ResultantAppState.notInstalled);
        long uInstalled = s.users(ResultantAppState.installed);
        long uFailed = s.users(ResultantAppState.failed);
        long uNotInstalled = s.users(ResultantAppState.notInstalled);
        String summary = "devices " + s.devices() + ", users " + s.users();
        assertEquals(2 * (uInstalled + uFailed + uNotInstalled), dInstalled + dFailed + dNotInstalled,
                "every counted user has 2 devices: " + summary);
        // a failed user has 1 or 2 failed devices, nobody else has any
        assertTrue(uFailed <= dFailed && dFailed <= 2 * uFailed, "failed: " + summary);
        // an installed user has 2 installed devices, any other user at most 1
        assertTrue(2 * uInstalled <= dInstalled && dInstalled <= 2 * uInstalled + uFailed + uNotInstalled,
                "installed: " + summary);
        // a notInstalled user has 1 or 2, a failed user at most 1, an installed user none
        assertTrue(uNotInstalled <= dNotInstalled && dNotInstalled <= 2 * uNotInstalled + uFailed,
                "notInstalled: " + summary);
    }

    /**
     * A device status created under a user status that another transaction deletes: before the create looks
     * (404), after it looked but before it commits (the foreign key refuses it: 409), and at random under
     * concurrency (either of those, or created and then deleted with its parent). Never another failure, and
     * never a row left under the deleted user status.
     */
    @Test
    void aCreateThatLosesARaceWithADeleteIsRefusedAndLeavesNothing() throws Exception {
        String app = newApp();

        String deletedBefore = newUser(app);
        GraphException notFound = assertThrows(GraphException.class, () -> transactions.createThen(app, deletedBefore,
                () -> transactions.separately(() -> userStatuses.delete(TENANT, app, deletedBefore)), true));
        assertEquals(404, notFound.status());
        assertEquals(0L, transactions.devicesUnder(deletedBefore));

        // Deleted by another transaction after the create inserted, before it commits. Which of the two goes
        // first depends on the database and the moment (the delete locks the user status first; on H2 the
        // create locks it after its insert, on PostgreSQL its foreign key does at commit): the create may
        // commit and go with its parent, or find the parent gone (404, 409), or the delete may lose (409)
        // and succeed when retried. Never both refused, never anything else, and nothing is left.
        String deletedMeanwhile = newUser(app);
        ExecutorService other = Executors.newSingleThreadExecutor(threads);
        List<Future<Optional<Integer>>> deleting = new ArrayList<>();
        Optional<Integer> create;
        try {
            create = outcome(() -> transactions.createThen(app, deletedMeanwhile,
                    () -> deleting.add(other.submit(() -> outcome(() -> userStatuses.delete(TENANT, app, deletedMeanwhile)))),
                    false));
            Optional<Integer> delete = deleting.get(0).get(1, TimeUnit.MINUTES);
            assertTrue(create.isEmpty() || create.equals(Optional.of(404)) || create.equals(Optional.of(409)),
                    "create " + create + ", delete " + delete);
            assertTrue(delete.isEmpty() || delete.equals(Optional.of(409)) && create.isEmpty(),
                    "create " + create + ", delete " + delete);
            if (delete.isPresent()) {
                userStatuses.delete(TENANT, app, deletedMeanwhile);
            }
        } finally {
            other.shutdownNow();
        }
        assertEquals(0L, transactions.devicesUnder(deletedMeanwhile));

        String raced = newUser(app);
        List<Callable<String>> creates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            creates.add(() -> {
                try {
                    newDevice(app, raced, ResultantAppState.installed);
                    return "created";
                } catch (GraphException e) {
                    return String.valueOf(e.status());
                } catch (RuntimeException e) {
                    return DatabaseFailures.classify(e).map(g -> String.valueOf(g.status())).orElse(describe(e));
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, threads);
        try {
            List<Future<String>> outcomes = creates.stream().map(pool::submit).toList();
            Thread.sleep(50);
            userStatuses.delete(TENANT, app, raced);
            var seen = ConcurrentHashMap.<String>newKeySet();
            for (Future<String> outcome : outcomes) {
                seen.add(outcome.get());
            }
            seen.removeAll(List.of("created", "404", "409"));
            assertTrue(seen.isEmpty(), "outcomes other than created, 404 and 409: " + seen);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0L, transactions.devicesUnder(raced));
        assertEquals(0L, transactions.orphans(app));
    }

    private String newApp() {
        return mobileApps.create(TENANT, MobileAppJson.read(Json.createObjectBuilder()
                .add("@odata.type", "#microsoft.graph.webApp").add("displayName", "in-container").build())).getId();
    }

    /** Empty when {@code work} succeeded, else the status a client would get: 404, 409, or 500 for anything else. */
    private static Optional<Integer> outcome(Runnable work) {
        try {
            work.run();
            return Optional.empty();
        } catch (GraphException e) {
            return Optional.of(e.status());
        } catch (RuntimeException e) {
            return Optional.of(DatabaseFailures.classify(e).map(GraphException::status).orElse(500));
        }
    }

    private String newUser(String app) {
        return userStatuses.create(TENANT, app, UserAppInstallStatusJson.PROPERTIES.read(
                Json.createObjectBuilder().add("userName", "user").build())).getId();
    }

    private String newDevice(String app, String user, ResultantAppState state) {
        return deviceStatuses.create(TENANT, app, user, device(state)).getId();
    }

    static MobileAppInstallStatus device(ResultantAppState state) {
        return MobileAppInstallStatusJson.PROPERTIES.read(Json.createObjectBuilder()
                .add("deviceName", "device").add("installState", state.name()).build());
    }

    static ResultantAppState counted() {
        return COUNTED.get(ThreadLocalRandom.current().nextInt(COUNTED.size()));
    }

    static String describe(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(cause);
        }
        return chain.toString();
    }

    // What time does to a report export job, which HTTP cannot wait for: here rather than in a class of its own,
    // which would boot a server of its own. The job's times are set back in the database, as the clock would.

    static final String EXPORT_TENANT = "control-layer-it-exports";

    @Test
    void aJobWithoutProgressForFiveMinutesReadsAsFailedWithTheReason() throws SQLException {
        String id = notStarted();
        assertEquals(DeviceManagementReportStatus.notStarted, exportJobs.get(EXPORT_TENANT, id).getStatus(), "just made: waiting");

        setBack(id, "progress_ticks", Duration.ofMinutes(6));

        DeviceManagementExportJob stalled = exportJobs.get(EXPORT_TENANT, id);
        assertEquals(DeviceManagementReportStatus.failed, stalled.getStatus());
        assertTrue(stalled.getFailureReason().contains("stopped before it was done"), stalled.getFailureReason());
        assertNull(exportJobs.started(EXPORT_TENANT, id), "a maker that comes late does not take it up");
        assertEquals(DeviceManagementReportStatus.failed, exportJobs.list(EXPORT_TENANT).stream()
                .filter(job -> job.getId().equals(id)).findFirst().orElseThrow().getStatus(), "as stored");
    }

    @Test
    void anExpiredJobIsGoneAndItsFileNoLongerServed() throws SQLException {
        String id = notStarted();
        String secret = UUID.randomUUID().toString(); // the column holds 64 characters; the service's are 43
        assertEquals(DeviceManagementReportStatus.inProgress, exportJobs.started(EXPORT_TENANT, id).getStatus());
        assertTrue(exportJobs.completed(EXPORT_TENANT, id, secret, 0));
        assertEquals(id, exportJobs.downloadable(id, secret).getId());
        assertNull(exportJobs.downloadable(id, "another-secret"));

        setBack(id, "kept_until_ticks", Duration.ofHours(7));

        assertNull(exportJobs.downloadable(id, secret));
        GraphException gone = assertThrows(GraphException.class, () -> exportJobs.get(EXPORT_TENANT, id));
        assertEquals(404, gone.status());
        assertTrue(exportJobs.list(EXPORT_TENANT).stream().noneMatch(job -> job.getId().equals(id)), "listing removes it");
    }

    private String notStarted() {
        var job = new DeviceManagementExportJob();
        job.setReportName("AppInstallStatusAggregate");
        job.setSelect("[]");
        job.setFormat(DeviceManagementReportFileFormat.csv);
        job.setLocalizationType(DeviceManagementExportJobLocalizationType.localizedValuesAsAdditionalColumn);
        return exportJobs.create(EXPORT_TENANT, job).getId(); // not handed to the maker: it stays as made
    }

    private void setBack(String id, String column, Duration by) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement update = db.prepareStatement(
                "UPDATE device_management_export_job SET " + column + " = ? WHERE tenant_id = ? AND id = ?")) {
            update.setLong(1, DateTimeOffset.now().ticks() - by.toMillis() * 10_000);
            update.setString(2, EXPORT_TENANT);
            update.setString(3, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** A user status and its two device statuses. */
    public record User(String id, List<String> devices) {
    }

    /** Transactions the tests need to shape: several writes as one, a write interleaved with another. */
    @ApplicationScoped
    public static class Transactions {

        @PersistenceContext
        EntityManager em;
        @Inject
        UserAppInstallStatuses userStatuses;
        @Inject
        MobileAppInstallStatuses deviceStatuses;

        @Transactional
        public User userWithTwoDevices(String app, ResultantAppState first, ResultantAppState second) {
            String user = userStatuses.create(TENANT, app, UserAppInstallStatusJson.PROPERTIES.read(
                    Json.createObjectBuilder().add("userName", "pair").build())).getId();
            return new User(user, List.of(deviceStatuses.create(TENANT, app, user, device(first)).getId(),
                    deviceStatuses.create(TENANT, app, user, device(second)).getId()));
        }

        /**
         * Creates a device status under {@code user} in a transaction that runs {@code meanwhile} before
         * ({@code first}) or after the create's own checks, and commits after both.
         */
        @Transactional
        public String createThen(String app, String user, Runnable meanwhile, boolean first) {
            if (first) {
                meanwhile.run();
            }
            MobileAppInstallStatus created = deviceStatuses.create(TENANT, app, user, device(ResultantAppState.installed));
            if (!first) {
                meanwhile.run();
            }
            return created.getId();
        }

        /** Runs {@code work} in a transaction of its own, committed before this returns. */
        @Transactional(TxType.REQUIRES_NEW)
        public void separately(Runnable work) {
            work.run();
        }

        /**
         * Runs a read in a transaction. The tests read in transactions because, once a managed thread that the
         * request's thread started has ended, Payara has closed the non-transactional EntityManager the two
         * shared ("Attempting to execute an operation on a closed EntityManager"); requests of the application
         * start no threads and never meet this. One query reads the same in a transaction or without.
         */
        @Transactional
        public <T> T read(Supplier<T> query) {
            return query.get();
        }

        /** The app's user status rows and device status rows, counted in the database. */
        @Transactional
        public List<Long> rows(String app) {
            return List.of(
                    em.createQuery("SELECT COUNT(u) FROM UserAppInstallStatus u WHERE u.mobileAppId = :app", Long.class)
                            .setParameter("app", app).getSingleResult(),
                    em.createQuery("SELECT COUNT(d) FROM MobileAppInstallStatus d WHERE d.mobileAppId = :app", Long.class)
                            .setParameter("app", app).getSingleResult());
        }

        @Transactional
        public long devicesUnder(String user) {
            return em.createQuery("SELECT COUNT(d) FROM MobileAppInstallStatus d WHERE d.userStatusId = :user", Long.class)
                    .setParameter("user", user).getSingleResult();
        }

        /** The app's device statuses whose user status is gone: the foreign key's cascade should make this 0. */
        @Transactional
        public long orphans(String app) {
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM mobile_app_install_status d "
                    + "WHERE d.mobile_app_id = ? AND d.user_status_id IS NOT NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM user_app_install_status u WHERE u.id = d.user_status_id)")
                    .setParameter(1, app).getSingleResult()).longValue();
        }
    }
}
