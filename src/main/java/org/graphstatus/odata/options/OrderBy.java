package org.graphstatus.odata.options;

import java.util.ArrayList;
import java.util.List;
import org.graphstatus.odata.GraphException;

/**
 * {@code $orderby}: the sort keys, always ending in {@code id} so that the order is total, which paging by
 * key needs (two rows never tie, so "after the last row" is exact).
 */
record OrderBy(List<Key> keys) {

    record Key(QueryProperty property, boolean descending) {
        @Override
        public String toString() {
            return property.name() + (descending ? " desc" : " asc");
        }
    }

    /** {@code text} is the option's value, or null when there is none: then by {@code id}. */
    static OrderBy parse(String text, QueryModel model) {
        var keys = new ArrayList<Key>();
        if (text != null) {
            for (String item : text.split(",", -1)) {
                String[] words = item.trim().split(" +");
                QueryProperty property = model.property(words[0]).orElseThrow(() -> GraphException.badRequest(
                        "The $orderby names '" + words[0] + "', which is not a property of " + model.type() + " it can order by."));
                if (words.length > 2 || words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc")) {
                    throw GraphException.badRequest("The $orderby item '" + item.trim() + "' is not 'property', 'property asc' or 'property desc'.");
                }
                if (keys.stream().anyMatch(key -> key.property().equals(property))) {
                    throw GraphException.badRequest("The $orderby names '" + property.name() + "' twice.");
                }
                keys.add(new Key(property, words.length == 2 && words[1].equals("desc")));
            }
        }
        if (keys.stream().noneMatch(key -> key.property().equals(QueryModel.ID))) {
            keys.add(new Key(QueryModel.ID, false));
        }
        return new OrderBy(List.copyOf(keys));
    }

    /** Whether the rows are in key order only, the order the (parent, id) index already has. */
    boolean byIdOnly() {
        return keys.get(0).equals(new Key(QueryModel.ID, false));
    }

    /** Ties a {@code $skiptoken} to this order: another {@code $orderby} would read its values wrongly. */
    String fingerprint() {
        return keys.toString();
    }
}
