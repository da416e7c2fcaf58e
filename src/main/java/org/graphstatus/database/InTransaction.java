package org.graphstatus.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Runs work in a transaction: the caller's, or a new one committed before this returns. */
@ApplicationScoped
public class InTransaction {

    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
