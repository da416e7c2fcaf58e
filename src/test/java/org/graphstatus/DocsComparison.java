package org.graphstatus;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an answer with the body a Graph docs example shows, property by property: every property of the
 * docs' body must be in the answer with an equal value (the docs truncate, so the answer may have more).
 * Keys and server-made values are not compared, and each known difference is compared with the value this
 * service really answers instead, so a declared difference that changes is noticed too.
 */
final class DocsComparison {

    /** The docs show values of a Graph tenant's clock; ours are only checked to be DateTimeOffsets. */
    static final Set<String> SERVER_MADE_DATES = Set.of("createdDateTime", "lastModifiedDateTime");

    /** A property of a type whose value here is not the docs' value, for the given reason. */
    record KnownDifference(String type, String property, JsonValue ours, String reason) {
    }

    private final List<KnownDifference> known;

    DocsComparison(List<KnownDifference> known) {
        this.known = List.copyOf(known);
    }

    /** One line per difference, each naming the property by its JSON pointer; empty when the answer matches. */
    List<String> differences(JsonValue docs, JsonValue answer) {
        List<String> found = new ArrayList<>();
        compare(docs, answer, "", found);
        return found;
    }

    private void compare(JsonValue docs, JsonValue answer, String pointer, List<String> found) {
        if (docs.getValueType() == ValueType.OBJECT && answer.getValueType() == ValueType.OBJECT) {
            compareObjects(docs.asJsonObject(), answer.asJsonObject(), pointer, found);
        } else if (docs.getValueType() == ValueType.ARRAY && answer.getValueType() == ValueType.ARRAY) {
            JsonArray expected = docs.asJsonArray();
            JsonArray actual = answer.asJsonArray();
            if (expected.size() != actual.size()) {
                found.add(pointer + ": docs " + expected + ", answer " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), pointer + "/" + i, found);
            }
        } else if (!equal(docs, answer)) {
            found.add(pointer + ": docs " + docs + ", answer " + answer);
        }
    }

    private void compareObjects(JsonObject docs, JsonObject answer, String pointer, List<String> found) {
        String type = docs.containsKey("@odata.type") ? docs.getString("@odata.type").replaceFirst("^#", "") : "";
        docs.forEach((name, expected) -> {
            String at = pointer + "/" + name;
            JsonValue actual = answer.get(name);
            Optional<KnownDifference> difference = known.stream()
                    .filter(k -> k.type().equals(type) && k.property().equals(name)).findFirst();
            if (name.equals("id")) {
                return; // a key: the IT checks it against the id it created
            } else if (actual == null) {
                found.add(at + ": docs " + expected + ", missing from the answer");
            } else if (SERVER_MADE_DATES.contains(name)) {
                if (!isDateTimeOffset(actual)) {
                    found.add(at + ": not a DateTimeOffset: " + actual);
                }
            } else if (name.equals("@odata.context")) {
                if (!withoutHost(expected).equals(withoutHost(actual))) {
                    found.add(at + ": docs " + expected + ", answer " + actual);
                }
            } else if (difference.isPresent()) {
                if (!equal(difference.get().ours(), actual)) {
                    found.add(at + ": declared as " + difference.get().ours() + " here (" + difference.get().reason()
                            + "), answer " + actual);
                }
            } else {
                compare(expected, actual, at, found);
            }
        });
    }

    private static boolean equal(JsonValue docs, JsonValue answer) {
        if (docs instanceof JsonNumber a && answer instanceof JsonNumber b) {
            return a.bigDecimalValue().compareTo(b.bigDecimalValue()) == 0;
        }
        return docs.equals(answer);
    }

    private static boolean isDateTimeOffset(JsonValue value) {
        try {
            return value instanceof JsonString text && OffsetDateTime.parse(text.getString()) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String withoutHost(JsonValue context) {
        return context instanceof JsonString text ? text.getString().replaceFirst("^https?://[^/]+", "") : context.toString();
    }
}
