package org.graphstatus.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseDiskTest {

    @Test
    void theWarningThresholdIsAFractionOfTheDisk() {
        assertEquals(0.10, EmbeddedDatabaseDisk.warnBelow(null));
        assertEquals(0.25, EmbeddedDatabaseDisk.warnBelow(" 0.25 "));
        for (String bad : new String[] {"0", "1", "10%", "-0.1", "x"}) {
            var refused = assertThrows(RuntimeException.class, () -> EmbeddedDatabaseDisk.warnBelow(bad), bad);
            assertTrue(refused.getMessage().startsWith("Cannot start: graph.disk.warn-below (GRAPH_DISK_WARN_BELOW) is '"
                    + bad + "'"), refused.getMessage());
        }
    }
}
