package org.graphstatus.odata.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.options.Filter.Comparison;
import org.graphstatus.odata.options.Filter.Operator;
import org.graphstatus.odata.options.QueryProperty.Type;

/**
 * Reads {@code $filter} by OData's grammar, recursive descent, precedence {@code not} over comparisons over
 * {@code and} over {@code or}:
 * <pre>
 * or      = and ("or" and)*
 * and     = unary ("and" unary)*
 * unary   = "not" unary | "(" or ")" | function [("eq" | "ne") boolean] | property op literal
 * function= ("startswith" | "endswith" | "contains") "(" property "," string ")"
 * literal = string | number | true | false | null | dateTimeOffset | qualifiedEnum'member'
 * </pre>
 * Every mistake is a 400 that names the position (counting from 1) and what was expected there.
 */
final class FilterParser {

    static final int MAX_LENGTH = 2000;
    static final int MAX_DEPTH = 50;
    private static final Set<String> FUNCTIONS = Set.of("startswith", "endswith", "contains");

    private enum Kind { WORD, STRING, ENUM, OPEN, CLOSE, COMMA, END }

    /** A token; for ENUM, {@code text} is the type name and {@code member} the quoted member. */
    private record Token(Kind kind, String text, String member, int position) {
        String shown() {
            return switch (kind) {
                case END -> "the end";
                case STRING -> "'" + text + "'";
                case ENUM -> text + "'" + member + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private final QueryModel model;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private FilterParser(QueryModel model, List<Token> tokens) {
        this.model = model;
        this.tokens = tokens;
    }

    static Filter parse(String text, QueryModel model) {
        if (text.length() > MAX_LENGTH) {
            throw GraphException.badRequest("The $filter is longer than " + MAX_LENGTH + " characters.");
        }
        var parser = new FilterParser(model, tokenize(text));
        Filter filter = parser.or();
        parser.expect(Kind.END, "the end of the expression, 'and' or 'or'");
        return filter;
    }

    private Filter or() {
        Filter left = and();
        while (isWord("or")) {
            next++;
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (isWord("and")) {
            next++;
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "The $filter nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (isWord("not")) {
                next++;
                return new Filter.Not(unary());
            }
            if (peek().kind() == Kind.OPEN) {
                next++;
                Filter inner = or();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            Token name = expect(Kind.WORD, "a property, a function, 'not' or '('");
            if (FUNCTIONS.contains(name.text()) && peek().kind() == Kind.OPEN) {
                return function(name);
            }
            return comparison(property(name));
        } finally {
            depth--;
        }
    }

    private Filter function(Token name) {
        next++; // (
        QueryProperty property = property(expect(Kind.WORD, "a property"));
        if (property.type() != Type.STRING) {
            throw error(name, name.text() + " takes a string property; '" + property.name() + "' is not one");
        }
        expect(Kind.COMMA, "','");
        String text = expect(Kind.STRING, "a string in single quotes").text();
        expect(Kind.CLOSE, "')'");
        Filter call = new Filter.StringFunction(Filter.Function.valueOf(name.text()), property, text);
        if (isWord("eq") || isWord("ne")) { // startswith(a,'b') eq true
            boolean negate = tokens.get(next++).text().equals("ne");
            Token bool = expect(Kind.WORD, "true or false");
            if (!bool.text().equals("true") && !bool.text().equals("false")) {
                throw error(bool, "Expected true or false but found " + bool.shown());
            }
            return negate ^ bool.text().equals("false") ? new Filter.Not(call) : call;
        }
        return call;
    }

    private Filter comparison(QueryProperty property) {
        Token op = expect(Kind.WORD, "a comparison operator (eq, ne, gt, ge, lt, le)");
        Operator operator;
        try {
            operator = Operator.valueOf(op.text());
        } catch (IllegalArgumentException e) {
            throw error(op, "Expected a comparison operator (eq, ne, gt, ge, lt, le) but found " + op.shown());
        }
        Token literal = peek();
        next++;
        if (literal.kind() == Kind.WORD && literal.text().equals("null")) {
            if (operator != Operator.eq && operator != Operator.ne) {
                throw error(op, "Only eq and ne compare with null");
            }
            return new Comparison(property, operator, null);
        }
        boolean ordered = operator != Operator.eq && operator != Operator.ne;
        if (ordered && (property.type() == Type.BOOLEAN || property.type() == Type.ENUM)) {
            throw error(op, "'" + property.name() + "' can be compared with eq and ne only");
        }
        return new Comparison(property, operator, value(property, literal));
    }

    /** The literal as the Java value of the property's attribute. */
    private Object value(QueryProperty property, Token literal) {
        String expected = switch (property.type()) {
            case STRING -> "a string in single quotes";
            case INT32 -> "an Edm.Int32";
            case BOOLEAN -> "true or false";
            case DATE_TIME_OFFSET -> "a DateTimeOffset such as 2026-01-01T00:00:00Z";
            case ENUM -> "a member of " + property.enumTypeName() + " in single quotes";
        };
        try {
            switch (property.type()) {
                case STRING:
                    if (literal.kind() == Kind.STRING) {
                        return literal.text();
                    }
                    break;
                case INT32:
                    if (literal.kind() == Kind.WORD && literal.text().matches("[+-]?\\d{1,10}")) {
                        return Integer.parseInt(literal.text());
                    }
                    break;
                case BOOLEAN:
                    if (literal.kind() == Kind.WORD && Set.of("true", "false").contains(literal.text())) {
                        return Boolean.parseBoolean(literal.text());
                    }
                    break;
                case DATE_TIME_OFFSET:
                    if (literal.kind() == Kind.WORD) {
                        return DateTimeOffset.parse(literal.text()).ticks();
                    }
                    break;
                case ENUM:
                    if (literal.kind() == Kind.STRING
                            || literal.kind() == Kind.ENUM && literal.text().equals(property.enumTypeName())) {
                        return member(property, literal.kind() == Kind.STRING ? literal.text() : literal.member(), literal);
                    }
                    break;
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            // reported below with the position
        }
        throw error(literal, "'" + property.name() + "' is compared with " + expected + ", not " + literal.shown());
    }

    private Object member(QueryProperty property, String name, Token literal) {
        for (Enum<?> constant : property.enumType().getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw error(literal, "'" + name + "' is not a member of " + property.enumTypeName());
    }

    private QueryProperty property(Token name) {
        return model.property(name.text()).orElseThrow(() -> error(name,
                "'" + name.text() + "' is not a property of " + model.type() + " that $filter can use"));
    }

    private boolean isWord(String word) {
        return peek().kind() == Kind.WORD && peek().text().equals(word);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, "Expected " + what + " but found " + token.shown());
        }
        next++;
        return token;
    }

    private static GraphException error(Token at, String message) {
        return GraphException.badRequest("Syntax error at position " + at.position() + " in $filter: " + message + ".");
    }

    private static List<Token> tokenize(String text) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int position = i + 1;
            if (c == ' ') {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), null, position));
                i++;
            } else if (c == '\'') {
                var string = new StringBuilder();
                i = quoted(text, i, string);
                tokens.add(new Token(Kind.STRING, string.toString(), null, position));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                if (i < text.length() && text.charAt(i) == '\'') { // microsoft.graph.resultantAppState'failed'
                    var member = new StringBuilder();
                    i = quoted(text, i, member);
                    tokens.add(new Token(Kind.ENUM, word, member.toString(), position));
                } else {
                    tokens.add(new Token(Kind.WORD, word, null, position));
                }
            } else {
                throw GraphException.badRequest("Syntax error at position " + position + " in $filter: unexpected character '"
                        + c + "'.");
            }
        }
        tokens.add(new Token(Kind.END, "", null, text.length() + 1));
        return tokens;
    }

    /** Reads a quoted string from {@code text} at {@code open} ('' stands for one quote); returns the index after it. */
    private static int quoted(String text, int open, StringBuilder into) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    into.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\u0000') { // no stored string holds one (bodies refuse them), and PostgreSQL cannot compare one
                throw GraphException.badRequest("Syntax error at position " + (i + 1)
                        + " in $filter: a string cannot contain a NUL character.");
            }
            into.append(c);
            i++;
        }
        throw GraphException.badRequest("Syntax error at position " + (open + 1) + " in $filter: the string is not closed.");
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':'
                || c == '+' || c == '-';
    }
}
