package org.graphstatus.odata.options;

import java.util.Map;
import org.graphstatus.odata.GraphException;

/**
 * {@code $top} and {@code $skip}. {@code $top} is the page size, as on Graph (in plain OData it is a total),
 * at most {@code maxPageSize}; without it a page holds {@link #DEFAULT_PAGE_SIZE}. {@code $skip} skips rows
 * before the first page.
 */
record Paging(int pageSize, int skip) {

    static final int DEFAULT_PAGE_SIZE = 100;

    static Paging parse(Map<String, String> options, int maxPageSize) {
        Integer top = options.containsKey("$top") ? number(options, "$top") : null;
        if (top != null && top > maxPageSize) {
            throw GraphException.badRequest("The $top " + top + " is larger than a page may be, " + maxPageSize
                    + "; ask for at most " + maxPageSize + " and follow @odata.nextLink.");
        }
        return new Paging(top == null ? Math.min(DEFAULT_PAGE_SIZE, maxPageSize) : top,
                options.containsKey("$skip") ? number(options, "$skip") : 0);
    }

    private static int number(Map<String, String> options, String option) {
        String text = options.get(option);
        if (!text.matches("\\d{1,9}")) {
            throw GraphException.badRequest("The query option '" + option + "' must be a whole number from 0, not '" + text + "'.");
        }
        return Integer.parseInt(text);
    }
}
