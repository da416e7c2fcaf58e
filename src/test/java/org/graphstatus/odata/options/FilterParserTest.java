package org.graphstatus.odata.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.graphstatus.odata.DateTimeOffset;
import org.graphstatus.odata.GraphException;
import org.graphstatus.odata.options.Filter.And;
import org.graphstatus.odata.options.Filter.Comparison;
import org.graphstatus.odata.options.Filter.Not;
import org.graphstatus.odata.options.Filter.Operator;
import org.graphstatus.odata.options.Filter.Or;
import org.graphstatus.odata.options.Filter.StringFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The $filter grammar without a server: the tree it builds, the positions its errors name, its limits. */
class FilterParserTest {

    enum Colour { red, green }

    static final QueryProperty NAME = QueryProperty.string("name", "nameColumn", true);
    static final QueryProperty CODE = QueryProperty.int32("code", "code", false);
    static final QueryProperty FLAG = QueryProperty.bool("flag", "flag");
    static final QueryProperty WHEN = QueryProperty.dateTimeOffset("when", "whenTicks");
    static final QueryProperty COLOUR = QueryProperty.member("colour", "colour", Colour.class, "test.colour");
    static final QueryModel MODEL = new QueryModel("test.thing", List.of(NAME, CODE, FLAG, WHEN, COLOUR));

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertEquals(new Or(new Comparison(CODE, Operator.eq, 1),
                        new And(new Comparison(NAME, Operator.ne, "x"), new Not(new Comparison(NAME, Operator.eq, null)))),
                parse("code eq 1 or name ne 'x' and not name eq null"));
        assertEquals(new And(new Or(new Comparison(CODE, Operator.eq, 1), new Comparison(CODE, Operator.eq, 2)),
                        new Comparison(FLAG, Operator.eq, true)),
                parse("(code eq 1 or code eq 2) and flag eq true"));
    }

    @Test
    void literalsBecomeTheirAttributesJavaValues() {
        assertEquals(new Comparison(CODE, Operator.ge, -5), parse("code ge -5"));
        assertEquals(new Comparison(NAME, Operator.eq, "it's"), parse("name eq 'it''s'"));
        assertEquals(new Comparison(COLOUR, Operator.eq, Colour.red), parse("colour eq 'red'"));
        assertEquals(new Comparison(COLOUR, Operator.ne, Colour.green), parse("colour ne test.colour'green'"));
        assertEquals(new Comparison(WHEN, Operator.lt, DateTimeOffset.parse("2026-01-01T02:00:00+02:00").ticks()),
                parse("when lt 2026-01-01T02:00:00+02:00"));
        assertEquals(parse("when lt 2026-01-01T00:00:00Z"), parse("when lt 2026-01-01T02:00:00+02:00"), "by instant");
    }

    @Test
    void stringFunctionsAndTheirComparisonWithABoolean() {
        assertEquals(new StringFunction(Filter.Function.startswith, NAME, "ab"), parse("startswith(name,'ab')"));
        assertEquals(new StringFunction(Filter.Function.contains, NAME, "ab"), parse("contains(name,'ab') eq true"));
        assertEquals(new Not(new StringFunction(Filter.Function.endswith, NAME, "ab")), parse("endswith(name,'ab') eq false"));
        assertEquals(new Not(new StringFunction(Filter.Function.endswith, NAME, "ab")), parse("endswith(name,'ab') ne true"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "code eq                 | 8  | compared with an Edm.Int32, not the end",
            "code eq 1 and           | 14 | Expected a property",
            "code eq 1 and (name eq 'x' | 27 | ')'",
            "colour eq 'blue'        | 11 | 'blue' is not a member of test.colour",
            "colour gt 'red'         | 8  | can be compared with eq and ne only",
            "code gt null            | 6  | Only eq and ne compare with null",
            "code eq '1'             | 9  | 'code' is compared with an Edm.Int32",
            "code eq 99999999999     | 9  | 'code' is compared with an Edm.Int32",
            "size eq 1               | 1  | 'size' is not a property of test.thing",
            "startswith(code,'1')    | 1  | takes a string property",
            "name eq 'x' # 1         | 13 | unexpected character '#'",
            "name eq 'open           | 9  | the string is not closed",
            "code eq 1 code eq 2     | 11 | the end of the expression",
            "code lk 1               | 6  | comparison operator"})
    void aMistakeIs400AndNamesItsPosition(String filter, int position, String says) {
        GraphException e = assertThrows(GraphException.class, () -> parse(filter));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("position " + position + " "), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void aNulCharacterInAStringIs400AtItsPosition() {
        GraphException e = assertThrows(GraphException.class, () -> parse("name eq 'a\u0000b'"));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("position 11 ") && e.getMessage().contains("NUL"), e.getMessage());
        assertThrows(GraphException.class, () -> parse("contains(name,'\u0000')"));
    }

    @Test
    void limitsLengthAndDepth() {
        String longest = "name eq '" + "x".repeat(FilterParser.MAX_LENGTH - 10) + "'";
        assertEquals(FilterParser.MAX_LENGTH, longest.length());
        parse(longest);
        GraphException tooLong = assertThrows(GraphException.class, () -> parse(longest + " "));
        assertTrue(tooLong.getMessage().contains(String.valueOf(FilterParser.MAX_LENGTH)), tooLong.getMessage());

        parse("(".repeat(FilterParser.MAX_DEPTH - 1) + "code eq 1" + ")".repeat(FilterParser.MAX_DEPTH - 1));
        GraphException tooDeep = assertThrows(GraphException.class,
                () -> parse("not ".repeat(FilterParser.MAX_DEPTH) + "code eq 1"));
        assertTrue(tooDeep.getMessage().contains("deeper than " + FilterParser.MAX_DEPTH), tooDeep.getMessage());
    }

    private static Filter parse(String text) {
        return FilterParser.parse(text, MODEL);
    }
}
