package org.graphstatus.database;

import java.util.UUID;

/**
 * The server-made GUIDs of new apps, user statuses and device statuses: version 7 (RFC 9562), whose first 48
 * bits are the creation time in milliseconds, so that ids made later sort later, as strings too.
 *
 * <p>Why not random (version 4) ids: every index that holds an id ({@code (tenant, id)}, {@code (tenant, app,
 * id)}, {@code (tenant, user status, id)}) then takes each new row at a random place. H2 writes every changed
 * page to a new chunk of its file at each commit, so random places leave pages live in every old chunk and
 * the file grows far beyond its data (bench/README.md, "H2's file"); PostgreSQL's B-trees
 * too touch a random leaf per insert. Time-ordered ids add at the end of each range.
 *
 * <p>The other 74 bits are {@link UUID#randomUUID()}'s, from the same strong source as before, so ids are
 * no easier to guess than the creation time makes them; access is by token and tenant in any case. No
 * library: the JDK has no version 7 generator, and the common one (java-uuid-generator) brings SLF4J into
 * the WAR for these few lines.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** A new version 7 GUID, in Graph's lower-case form. */
    public static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long unixMillis) {
        UUID random = UUID.randomUUID(); // variant bits (10) already in place in the low half
        long high = unixMillis << 16 | 0x7000 | random.getMostSignificantBits() & 0x0FFF;
        return new UUID(high, random.getLeastSignificantBits());
    }
}
