package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Version 7 GUIDs: the creation time in front, so later ids sort later as strings; random behind it. */
class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7GuidOfTheRfcVariantHoldingItsTime() {
        long before = System.currentTimeMillis();
        String id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        UUID guid = UUID.fromString(id);
        assertEquals(id, guid.toString(), "lower-case, as Graph writes GUIDs");
        assertEquals(7, guid.version());
        assertEquals(2, guid.variant());
        long millis = guid.getMostSignificantBits() >>> 16;
        assertTrue(before <= millis && millis <= after, millis + " not in [" + before + ", " + after + "]");
    }

    @Test
    void anIdOfALaterMillisecondSortsLaterAsAString() {
        for (long millis : new long[] {0, 1_764_000_000_000L, (1L << 48) - 2}) {
            for (int i = 0; i < 1_000; i++) {
                String earlier = TimeOrderedIds.at(millis).toString();
                String later = TimeOrderedIds.at(millis + 1).toString();
                assertTrue(earlier.compareTo(later) < 0, earlier + " does not sort before " + later);
            }
        }
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_000_000_000L).toString());
        }
        assertEquals(100_000, ids.size());
    }
}
