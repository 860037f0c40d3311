package io.tijarat.core.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * What kind of address an IP address is, for deciding whether a webhook may be sent there. Only
 * {@link #PUBLIC} addresses are reachable by a production server's webhooks; {@link #LOOPBACK} is allowed
 * in dev and test mode.
 *
 * <p>Classified from the address bytes alone (no lookup), from the IANA special-purpose registries.
 * Addresses that carry an IPv4 address inside an IPv6 one — IPv4-mapped ({@code ::ffff:a.b.c.d}), NAT64
 * ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}) — are classified by the IPv4 address they lead to,
 * so {@code ::ffff:169.254.169.254} is as refused as {@code 169.254.169.254}. Stateless.
 */
public enum AddressClass {
    PUBLIC("a public address"),
    LOOPBACK("a loopback address"),
    UNSPECIFIED("the unspecified (any-local) address"),
    PRIVATE("a private network address"),
    SHARED("a carrier-grade NAT (shared) address"),
    LINK_LOCAL("a link-local address (this includes cloud metadata services)"),
    MULTICAST("a multicast or broadcast address"),
    RESERVED("a reserved, documentation or transition address that is not a public host");

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    private record Block(byte[] prefix, int bits, AddressClass kind) {
        static Block of(String cidr, AddressClass kind) {
            int slash = cidr.indexOf('/');
            String literal = cidr.substring(0, slash);
            byte[] address;
            try {
                address = InetAddress.getByName(literal).getAddress();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
            if (literal.contains(":") && address.length == 4) {
                // the JDK turns ::ffff:a.b.c.d into an IPv4 address; the block is an IPv6 one
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(address, 0, mapped, 12, 4);
                address = mapped;
            }
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (bits > address.length * 8) {
                throw new IllegalArgumentException(cidr);
            }
            return new Block(address, bits, kind);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    // IPv4: RFC 6890 and the IANA IPv4 special-purpose registry.
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", UNSPECIFIED),
            Block.of("10.0.0.0/8", PRIVATE),
            Block.of("100.64.0.0/10", SHARED),
            Block.of("127.0.0.0/8", LOOPBACK),
            Block.of("169.254.0.0/16", LINK_LOCAL),
            Block.of("172.16.0.0/12", PRIVATE),
            Block.of("192.0.0.0/24", RESERVED),
            Block.of("192.0.2.0/24", RESERVED),
            Block.of("192.88.99.0/24", RESERVED),
            Block.of("192.168.0.0/16", PRIVATE),
            Block.of("198.18.0.0/15", RESERVED),
            Block.of("198.51.100.0/24", RESERVED),
            Block.of("203.0.113.0/24", RESERVED),
            Block.of("224.0.0.0/4", MULTICAST),
            Block.of("240.0.0.0/4", RESERVED)); // includes 255.255.255.255, the broadcast address

    // IPv6 blocks refused outright (those carrying an IPv4 address are handled before these).
    private static final List<Block> IPV6 = List.of(
            Block.of("::/128", UNSPECIFIED),
            Block.of("::1/128", LOOPBACK),
            Block.of("::/96", RESERVED),              // IPv4-compatible, deprecated
            Block.of("64:ff9b:1::/48", RESERVED),     // local-use NAT64
            Block.of("100::/64", RESERVED),           // discard-only
            Block.of("2001::/32", RESERVED),          // Teredo
            Block.of("2001:db8::/32", RESERVED),      // documentation
            Block.of("fc00::/7", PRIVATE),            // unique local
            Block.of("fe80::/10", LINK_LOCAL),
            Block.of("fec0::/10", PRIVATE),           // site-local, deprecated
            Block.of("ff00::/8", MULTICAST));

    private static final Block IPV4_MAPPED = Block.of("::ffff:0:0/96", RESERVED);
    private static final Block NAT64 = Block.of("64:ff9b::/96", RESERVED);
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", RESERVED);

    /** The class of {@code address}, whether it came from a literal or a lookup. */
    public static AddressClass of(InetAddress address) {
        AddressClass byBytes = of(address.getAddress());
        if (byBytes != PUBLIC) {
            return byBytes;
        }
        // Belt and braces: the JDK's own predicates agree with the tables above for every address they cover.
        if (address.isAnyLocalAddress()) return UNSPECIFIED;
        if (address.isLoopbackAddress()) return LOOPBACK;
        if (address.isLinkLocalAddress()) return LINK_LOCAL;
        if (address.isSiteLocalAddress()) return PRIVATE;
        if (address.isMulticastAddress()) return MULTICAST;
        return PUBLIC;
    }

    /** The class of a 4-byte IPv4 or 16-byte IPv6 address. */
    static AddressClass of(byte[] address) {
        if (address.length == 16) {
            if (IPV4_MAPPED.contains(address) || NAT64.contains(address)) {
                return of(Arrays.copyOfRange(address, 12, 16));
            }
            if (SIX_TO_FOUR.contains(address)) {
                return of(Arrays.copyOfRange(address, 2, 6));
            }
            return first(IPV6, address);
        }
        if (address.length == 4) {
            return first(IPV4, address);
        }
        throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
    }

    private static AddressClass first(List<Block> blocks, byte[] address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return block.kind();
            }
        }
        return PUBLIC;
    }
}
