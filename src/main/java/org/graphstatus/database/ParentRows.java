package org.graphstatus.database;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.persistence.sessions.Session;

/**
 * Keeps a row from being created under a parent that a concurrent transaction deletes. PostgreSQL's foreign
 * key check locks the parent row (FOR KEY SHARE) until the child's transaction ends, so the delete waits and
 * then finds the child. H2's check takes no lock: the insert sees the parent, the delete does not see the
 * uncommitted child, both commit, and the child is left without its parent (DeleteRacesIT saw it). On H2 a
 * create therefore locks its parent's row after its insert, until its commit; and a delete locks the rows it
 * removes before it reads what is under them, so that each statement that reads them starts after the
 * creates that held them have committed (an H2 statement keeps the snapshot it started with, even when it
 * waited for a lock).
 */
public final class ParentRows {

    private static volatile TransactionSynchronizationRegistry registry; // the server's one

    private ParentRows() {
    }

    /**
     * After a child's insert in this transaction: locks the tenant's parent row {@code id} of the entity
     * {@code parent} on H2 and says whether it is still there; on PostgreSQL, true (its foreign key holds the parent already). A
     * parent this transaction holds already is not locked again: the lock lasts until the commit, which makes
     * every child of the transaction visible at once, so a group commit's creates under one app pay for it once.
     */
    public static boolean heldAfterInsert(EntityManager em, Class<?> parent, String tenant, String id) {
        if (Dialect.of(em) != Dialect.H2) {
            return true;
        }
        Set<String> held = heldInThisTransaction();
        String table = em.unwrap(Session.class).getDescriptor(parent).getTableName();
        String row = table + "/" + tenant + "/" + id;
        if (held.contains(row)) {
            return true;
        }
        em.flush(); // the insert first: a delete that locks the parent after this sees the child
        boolean there = !em.createNativeQuery("SELECT id FROM " + table + " WHERE tenant_id = ?1 AND id = ?2 FOR UPDATE")
                .setParameter(1, tenant).setParameter(2, id).getResultList().isEmpty();
        if (there) {
            held.add(row);
        }
        return there;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> heldInThisTransaction() {
        TransactionSynchronizationRegistry transaction = registry();
        var held = (Set<String>) transaction.getResource(ParentRows.class);
        if (held == null) {
            held = new HashSet<>();
            transaction.putResource(ParentRows.class, held);
        }
        return held;
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                throw new IllegalStateException("The server has no TransactionSynchronizationRegistry", e);
            }
            registry = found;
        }
        return found;
    }
}
