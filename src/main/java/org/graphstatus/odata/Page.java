package org.graphstatus.odata;

import java.util.List;
import java.util.Map;

/**
 * One page of a collection: its rows, {@code count} when {@code $count=true} asked for it (else null), and the
 * query parameters of the next page's link ({@code next}, null on the last page).
 */
public record Page<T>(List<T> rows, Long count, Map<String, String> next) {
}
