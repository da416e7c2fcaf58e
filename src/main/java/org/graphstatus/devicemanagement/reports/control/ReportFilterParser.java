package org.graphstatus.devicemanagement.reports.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.And;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Comparison;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Operator;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Or;
import org.graphstatus.odata.GraphException;

/** A recursive descent over a report filter's tokens: names, quoted literals ('' is a quote), parentheses. */
final class ReportFilterParser {
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:(\\()|(\\))|'((?:[^']|'')*)'|([A-Za-z_][A-Za-z0-9_]*))");

    private final String text;
    private final Matcher matcher;
    private int position;
    private String kind; // "(", ")", "'", "name", or null at the end
    private String value;

    ReportFilterParser(String text) {
        this.text = text;
        this.matcher = TOKEN.matcher(text);
        next();
    }

    private ReportFilter or() {
        var any = new ArrayList<ReportFilter>(List.of(and()));
        while (keyword("or")) {
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new Or(List.copyOf(any));
    }

    private ReportFilter and() {
        var all = new ArrayList<ReportFilter>(List.of(term()));
        while (keyword("and")) {
            all.add(term());
        }
        return all.size() == 1 ? all.get(0) : new And(List.copyOf(all));
    }

    private ReportFilter term() {
        if ("(".equals(kind)) {
            next();
            ReportFilter inner = or();
            expect(")", "a closing parenthesis");
            return inner;
        }
        if (!"name".equals(kind)) {
            throw invalid("a column name or '('");
        }
        String column = value;
        next();
        if (!"name".equals(kind)) {
            throw invalid("an operator (eq, gt, ge, lt, le) after " + column);
        }
        Operator operator;
        try {
            operator = Operator.valueOf(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("an operator (eq, gt, ge, lt, le) after " + column);
        }
        next();
        if (!"'".equals(kind)) {
            throw invalid("a quoted value after " + column + " " + operator + ", e.g. '1'");
        }
        String literal = value.replace("''", "'");
        next();
        return new Comparison(column, operator, literal);
    }

    private boolean keyword(String word) {
        if ("name".equals(kind) && value.equalsIgnoreCase(word)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String token, String what) {
        if (!token.equals(kind)) {
            throw invalid(what);
        }
        next();
    }

    /** The whole text as one filter. */
    ReportFilter filter() {
        ReportFilter filter = or();
        if (kind != null) {
            throw invalid("the end of the filter");
        }
        return filter;
    }

    private void next() {
        if (text.substring(position).isBlank()) {
            kind = null;
            return;
        }
        if (!matcher.find(position) || matcher.start() != position) {
            throw GraphException.badRequest("Invalid filter: '" + text + "' cannot be read at position "
                    + (position + leadingSpaces()) + ".");
        }
        position = matcher.end();
        if (matcher.group(1) != null) {
            kind = "(";
        } else if (matcher.group(2) != null) {
            kind = ")";
        } else if (matcher.group(3) != null) {
            kind = "'";
            value = matcher.group(3);
        } else {
            kind = "name";
            value = matcher.group(4);
        }
    }

    private int leadingSpaces() {
        int spaces = 0;
        while (position + spaces < text.length() && Character.isWhitespace(text.charAt(position + spaces))) {
            spaces++;
        }
        return spaces;
    }

    private GraphException invalid(String expected) {
        return GraphException.badRequest("Invalid filter: '" + text + "' has " + found() + " where " + expected
                + " was expected.");
    }

    private String found() {
        if (kind == null) {
            return "nothing more";
        }
        return switch (kind) {
            case "'" -> "the value '" + value + "'";
            case "name" -> "'" + value + "'";
            default -> "'" + kind + "'";
        };
    }
}
