package org.graphstatus.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void nobodyByDefault() {
        assertFalse(TrustedProxies.parse("").contains("127.0.0.1"));
        assertFalse(TrustedProxies.parse(null).contains("127.0.0.1"));
        assertTrue(TrustedProxies.parse(" ").isEmpty());
    }

    @Test
    void singleAddressesAndRanges() {
        var trusted = TrustedProxies.parse("127.0.0.1, 10.1.0.0/16,fd00::/8, ::1");
        assertTrue(trusted.contains("127.0.0.1"));
        assertFalse(trusted.contains("127.0.0.2"));
        assertTrue(trusted.contains("10.1.255.3"));
        assertFalse(trusted.contains("10.2.0.1"));
        assertTrue(trusted.contains("fd12:3456::1"));
        assertTrue(trusted.contains("[::1]"));
        assertTrue(trusted.contains("0:0:0:0:0:0:0:1%lo"));
        assertFalse(trusted.contains("fe80::1"));
        assertTrue(trusted.contains("::ffff:127.0.0.1"), "an IPv4 peer on a dual-stack listener");
        assertFalse(trusted.contains("localhost"), "names are never looked up");
        assertFalse(trusted.contains(null));
    }

    @Test
    void wholeRangesAndTheirEdges() {
        assertTrue(TrustedProxies.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertFalse(TrustedProxies.parse("0.0.0.0/0").contains("::1"), "an IPv4 range holds no IPv6 address");
        var slash31 = TrustedProxies.parse("192.0.2.0/31");
        assertTrue(slash31.contains("192.0.2.1"));
        assertFalse(slash31.contains("192.0.2.2"));
    }

    @Test
    void refusesWhatIsNotAnAddressOrARange() {
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "::1/129", "10.0.0.256", "10.0.0", "10.0.0.1/",
                "10.0.0.1/x", "1,,2", "::g"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("'"), e.getMessage());
        }
        assertEquals("'localhost' is not an IP address or a CIDR range",
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("localhost")).getMessage());
    }
}
