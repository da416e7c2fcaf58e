package org.graphstatus.odata.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The $skiptoken codec: what it encodes comes back typed, and only for the order it was made for. */
class SkipTokenTest {

    static final OrderBy ORDER = OrderBy.parse("code desc,name,flag,when desc,colour", FilterParserTest.MODEL);

    @Test
    void roundTripsEveryKeyTypeWithTheIdLast() {
        List<Object> keys = Arrays.asList(-7, "ünï✓ 'quoted' \"too\"", true, 638_000_000_000_000_000L,
                FilterParserTest.Colour.green, "5e1f6f64-0000-4000-8000-000000000000");

        assertEquals(6, ORDER.keys().size(), "id is added to make the order total");
        assertEquals(keys, SkipToken.decode(SkipToken.encode(ORDER, keys), ORDER));
    }

    @Test
    void aNullKeyTravelsAsTheEmptyStringItSortsAs() {
        OrderBy byName = OrderBy.parse("name", FilterParserTest.MODEL);
        assertEquals(List.of("", "id-1"), SkipToken.decode(SkipToken.encode(byName, Arrays.asList(null, "id-1")), byName));
    }

    @Test
    void aTokenOfAnotherOrderIs400() {
        OrderBy other = OrderBy.parse("code,name,flag,when desc,colour", FilterParserTest.MODEL);
        String token = SkipToken.encode(other, List.of(1, "a", false, 1L, FilterParserTest.Colour.red, "id"));

        assertEquals(400, assertThrows(GraphException.class, () -> SkipToken.decode(token, ORDER)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "forged", "!!!", "W10", "WyJpZCBhc2MiXQ", "eyJhIjoxfQ"})
    void aTokenNotMadeHereIs400(String token) {
        assertEquals(400, assertThrows(GraphException.class, () -> SkipToken.decode(token, ORDER)).status());
    }

    @Test
    void aTamperedValueOfTheWrongTypeIs400() {
        String json = "[\"" + ORDER.fingerprint() + "\",\"seven\",\"a\",true,1,\"green\",\"id\"]";
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(GraphException.class, () -> SkipToken.decode(token, ORDER)).status());

        String member = json.replace("\"seven\"", "7").replace("\"green\"", "\"purple\"");
        String badMember = Base64.getUrlEncoder().withoutPadding().encodeToString(member.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(GraphException.class, () -> SkipToken.decode(badMember, ORDER)).status());

        String overflow = json.replace("\"seven\"", "2147483648");
        String tooBig = Base64.getUrlEncoder().withoutPadding().encodeToString(overflow.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(GraphException.class, () -> SkipToken.decode(tooBig, ORDER)).status());
    }
}
