package org.graphstatus.odata;

import java.util.List;
import java.util.Set;

/**
 * Graph's answer to a path under {@code /beta} that leads nowhere: {@code 400 BadRequest} "Resource not found
 * for the segment 'x'." naming the first segment it could not follow (an unknown key is another matter: a 404
 * {@code ResourceNotFound} from the service that looked for it). A segment is followed when it is one of the
 * names of this service's paths, or a key right after a collection.
 */
public final class UnknownSegment {

    private static final Set<String> COLLECTIONS = Set.of("mobileApps", "userStatuses", "deviceStatuses");
    private static final Set<String> NAMES = Set.of("deviceAppManagement", "mobileApps", "userStatuses",
            "deviceStatuses", "installSummary", "app", "$count", "$batch", "deviceManagement", "reports");
    private static final int LONGEST = 100;

    private UnknownSegment() {
    }

    /** The message for {@code segments}, the path's segments after {@code /beta}. */
    public static String message(List<String> segments) {
        return "Resource not found for the segment '" + first(segments) + "'.";
    }

    /** The first segment not followed; the last one when each could be (e.g. a key where none fits). */
    static String first(List<String> segments) {
        String found = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean key = i > 0 && COLLECTIONS.contains(segments.get(i - 1)) && !segment.equals("$count");
            if (!key && !NAMES.contains(segment)) {
                found = segment;
                break;
            }
        }
        return found.length() > LONGEST ? found.substring(0, LONGEST) : found;
    }
}
