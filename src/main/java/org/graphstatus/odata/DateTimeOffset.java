package org.graphstatus.odata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * An {@code Edm.DateTimeOffset} as it travels: the text as the client sent it (offset and up to seven
 * fractional digits kept, which no SQL timestamp type does), and its instant as 100-nanosecond ticks since
 * the Unix epoch, a plain number every database sorts and compares by instant. OData's grammar allows up to
 * twelve fractional digits (Kiota-based SDKs write nine); Graph keeps 100 ns, so digits past the seventh are
 * dropped from the text and the instant alike.
 */
public record DateTimeOffset(String text, long ticks) {

    // ISO 8601 with a mandatory offset; OData's grammar: at most twelve fractional digits. Group 1 is the
    // fraction's digits past the seventh, which Graph's 100 ns precision does not keep.
    private static final Pattern LEXICAL =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,7}(\\d{1,5})?)?)?(?:Z|[+-]\\d{2}:\\d{2})");

    private static final long TICKS_PER_SECOND = 10_000_000L;

    private static final DateTimeFormatter SEVEN_DIGITS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSXXX");

    /** What Graph answers for a DateTimeOffset nobody set; declared after the pattern it is parsed with. */
    public static final DateTimeOffset MIN = parse("0001-01-01T00:00:00Z");

    /** The current instant in UTC, at Edm's precision, for server-kept times such as createdDateTime. */
    public static DateTimeOffset now() {
        return parse(SEVEN_DIGITS.format(Instant.now().atOffset(ZoneOffset.UTC)));
    }

    /** @throws IllegalArgumentException when the text is not a DateTimeOffset with an offset */
    public static DateTimeOffset parse(String text) {
        var lexical = LEXICAL.matcher(text);
        if (!lexical.matches()) {
            throw new IllegalArgumentException(text);
        }
        String kept = lexical.group(1) == null ? text : text.substring(0, lexical.start(1)) + text.substring(lexical.end(1));
        try {
            var instant = OffsetDateTime.parse(kept).toInstant();
            return new DateTimeOffset(kept, instant.getEpochSecond() * TICKS_PER_SECOND + instant.getNano() / 100);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
