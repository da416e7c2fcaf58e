package org.graphstatus.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses whose forwarding headers are believed ({@code graph.trusted-proxies}): single addresses and CIDR
 * ranges, IPv4 or IPv6, comma-separated. Empty by default, so that no client can rewrite the links others see.
 * Literal addresses only: a host name would make every request wait on a name lookup.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Reads the setting; an entry that is not an address or a range is refused with the reason. */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        var ranges = new ArrayList<Range>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            int slash = trimmed.indexOf('/');
            byte[] network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or a CIDR range");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                String bits = trimmed.substring(slash + 1);
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > prefix) {
                    throw new IllegalArgumentException("'" + trimmed + "' has no prefix length of 0 to " + prefix);
                }
                prefix = Integer.parseInt(bits);
            }
            ranges.add(new Range(network, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** Whether the peer at {@code address} (as the servlet container gives it) is a trusted proxy. */
    public boolean contains(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The bytes of an IPv4 or IPv6 literal (an IPv6 one with or without brackets and zone); null otherwise. */
    private static byte[] literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        // Only literals reach InetAddress, which would otherwise look a name up. An IPv4-mapped IPv6 address
        // (::ffff:a.b.c.d, as a dual-stack listener reports an IPv4 peer) comes back as the IPv4 one.
        boolean ipv4 = address.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
        boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
