package org.graphstatus.odata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeOffsetTest {

    @ParameterizedTest
    @ValueSource(strings = {"2017-01-01T00:02:49.3205976-08:00", "2017-01-01T00:02:49Z", "2017-01-01T08:02:49.1+05:30",
            "2017-01-01T00:02Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999-14:00"})
    void upToSevenDigitsAreKeptExactlyAsSent(String text) {
        assertEquals(text, DateTimeOffset.parse(text).text());
    }

    @ParameterizedTest
    @CsvSource({"2026-03-01T10:20:30.12345678Z, 2026-03-01T10:20:30.1234567Z",
            "2026-03-01T10:20:30.123456789+02:00, 2026-03-01T10:20:30.1234567+02:00",
            "2026-03-01T10:20:30.999999999999-05:30, 2026-03-01T10:20:30.9999999-05:30"})
    void eightToTwelveDigitsAreKeptTo100Nanoseconds(String sent, String kept) {
        DateTimeOffset parsed = DateTimeOffset.parse(sent);

        assertEquals(kept, parsed.text());
        assertEquals(DateTimeOffset.parse(kept).ticks(), parsed.ticks());
    }

    @Test
    void ticksCompareInstantsWhateverTheOffset() {
        assertEquals(DateTimeOffset.parse("2026-03-01T08:20:30.1234567Z").ticks(),
                DateTimeOffset.parse("2026-03-01T10:20:30.123456789+02:00").ticks());
        assertEquals(0, DateTimeOffset.parse("1970-01-01T00:00:00Z").ticks());
        assertEquals(1, DateTimeOffset.parse("1970-01-01T00:00:00.0000001Z").ticks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2017-01-01T00:02:49", "2017-01-01", "2017-01-01T00:02:49.1234567890123Z",
            "2017-01-01T00:02:49.Z", "2017-13-01T00:02:49Z", "2017-01-01 00:02:49Z", "yesterday", ""})
    void anythingElseIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> DateTimeOffset.parse(text));
    }
}
