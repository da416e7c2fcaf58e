package org.graphstatus.database;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.eclipse.microprofile.health.Liveness;
import org.graphstatus.odata.GraphException;

/**
 * Refuses a write (503 with {@code Retry-After}) while the embedded database's disk has no room, before it
 * reaches the database. After a full disk made H2 close the file, the pool opens it again, and on a disk still
 * full H2 was seen to acknowledge a few commits that a restart then did not find (DiskFullIT, 4 of 3,490):
 * what cannot be stored is not acknowledged. PostgreSQL is not concerned: there is no embedded disk.
 */
@Provider
@Priority(Priorities.USER)
public class EmbeddedDatabaseRoom implements ContainerRequestFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.DELETE);

    @Inject
    @Liveness // the disk's watcher is the liveness check too
    EmbeddedDatabaseDisk disk;

    @Override
    public void filter(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod()) && disk.full()) {
            throw GraphException.unavailable("The database cannot store data right now: its disk is full. "
                    + "Retry later.", DatabaseFailures.RETRY_AFTER_SECONDS);
        }
    }
}
