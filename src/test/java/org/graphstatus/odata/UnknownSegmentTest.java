package org.graphstatus.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which segment Graph's "Resource not found for the segment" names: the first one a path cannot follow. */
class UnknownSegmentTest {

    @Test
    void namesTheFirstSegmentThatIsNeitherANameNorAKey() {
        assertEquals("nowhere", UnknownSegment.first(List.of("nowhere", "mobileApps")));
        assertEquals("nowhere", UnknownSegment.first(List.of("deviceAppManagement", "mobileApps", "a1", "nowhere", "x")));
        assertEquals("b", UnknownSegment.first(List.of("deviceAppManagement", "mobileApps", "a1", "deviceStatuses", "a", "b")));
        assertEquals("more", UnknownSegment.first(List.of("deviceAppManagement", "mobileApps", "a1", "app", "more")));
    }

    @Test
    void aKeyIsFollowedOnlyRightAfterACollection() {
        assertEquals("a1", UnknownSegment.first(List.of("deviceAppManagement", "a1")));
        assertEquals("$count", UnknownSegment.first(List.of("deviceAppManagement", "mobileApps", "$count", "$count")),
                "all names: the last");
    }

    @Test
    void aLongSegmentIsCutAndTheMessageIsGraphs() {
        assertEquals(100, UnknownSegment.first(List.of("x".repeat(500))).length());
        assertEquals("Resource not found for the segment 'nowhere'.", UnknownSegment.message(List.of("nowhere")));
        assertEquals("Resource not found for the segment ''.", UnknownSegment.message(List.of()));
    }
}
