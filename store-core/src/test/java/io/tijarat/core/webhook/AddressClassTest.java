package io.tijarat.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address classifier, from IP literals only: nothing here touches the network or DNS. */
class AddressClassTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4 loopback, any-local, private, shared, link-local (cloud metadata)
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.0.1, PRIVATE",
            "192.168.255.255, PRIVATE",
            "100.64.0.1, SHARED",
            "100.127.255.255, SHARED",
            "169.254.169.254, LINK_LOCAL",
            "169.254.0.1, LINK_LOCAL",
            // multicast, broadcast, reserved, documentation, benchmarking
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "192.0.0.8, RESERVED",
            "192.0.2.10, RESERVED",
            "198.51.100.7, RESERVED",
            "203.0.113.9, RESERVED",
            "198.18.0.1, RESERVED",
            "198.19.255.255, RESERVED",
            // just outside the ranges: public
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "9.255.255.255, PUBLIC",
            "11.0.0.0, PUBLIC",
            "172.15.255.255, PUBLIC",
            "172.32.0.0, PUBLIC",
            "100.63.255.255, PUBLIC",
            "100.128.0.0, PUBLIC",
            "169.253.255.255, PUBLIC",
            "169.255.0.0, PUBLIC",
            "192.167.255.255, PUBLIC",
            "192.169.0.0, PUBLIC",
            "198.17.255.255, PUBLIC",
            "198.20.0.0, PUBLIC",
            "223.255.255.255, PUBLIC",
            "126.255.255.255, PUBLIC",
            "128.0.0.0, PUBLIC",
            // IPv6
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fc00::1, PRIVATE",
            "fd12:3456:789a::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf:ffff::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "ff0e::1, MULTICAST",
            "2001:db8::1, RESERVED",
            "100::1, RESERVED",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, RESERVED",
            "64:ff9b:1::1, RESERVED",
            "::127.0.0.1, RESERVED",
            "::8.8.8.8, RESERVED",
            "2606:4700:4700::1111, PUBLIC",
            "2a00:1450:4001:80b::200e, PUBLIC",
            "fbff:ffff::1, PUBLIC",
            "fe7f::1, PUBLIC",
            // IPv6 forms that lead to an IPv4 address are classified by that address
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::ffff:10.1.2.3, PRIVATE",
            "::ffff:100.64.0.1, SHARED",
            "::ffff:8.8.8.8, PUBLIC",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b::7f00:1, LOOPBACK",
            "64:ff9b::c0a8:101, PRIVATE",
            "64:ff9b::808:808, PUBLIC",
            "2002:a9fe:a9fe::1, LINK_LOCAL",
            "2002:7f00:1::, LOOPBACK",
            "2002:0a00:0001::1, PRIVATE",
            "2002:0808:0808::1, PUBLIC",
    })
    void every_literal_is_classified(String literal, AddressClass expected) throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(literal)));
    }

    @ParameterizedTest(name = "{0} kept as IPv6 is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "169.254.169.254, LINK_LOCAL",
            "172.20.1.1, PRIVATE",
            "192.168.1.1, PRIVATE",
            "0.0.0.0, UNSPECIFIED",
            "100.100.100.100, SHARED",
            "224.0.0.251, MULTICAST",
            "93.184.216.34, PUBLIC",
    })
    void an_ipv4_mapped_address_held_as_an_inet6_address_is_classified_by_its_ipv4_address(String ipv4, AddressClass expected)
            throws UnknownHostException {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, mapped, 12, 4);

        // InetAddress.getByAddress would turn it into an Inet4Address; a resolver need not.
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertInstanceOf(Inet6Address.class, address);
        assertEquals(expected, AddressClass.of(address));
        assertEquals(expected, AddressClass.of(mapped));
    }

    @ParameterizedTest(name = "{0} (a literal Java parses leniently) is {1}")
    @CsvSource({
            "127.1, LOOPBACK",          // two-part form: 127.0.0.1
            "2130706433, LOOPBACK",     // one 32-bit number: 127.0.0.1
            "10.1, PRIVATE",
            "[::1], LOOPBACK",
            "0:0:0:0:0:0:0:1, LOOPBACK",
            "0:0:0:0:0:ffff:7f00:1, LOOPBACK",
            "[::ffff:a9fe:a9fe], LINK_LOCAL",
    })
    void unusual_spellings_are_classified_by_the_address_they_mean(String literal, AddressClass expected)
            throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(literal)));
    }

    @ParameterizedTest(name = "{0} with a scope is {1}")
    @CsvSource({"fe80::1%1, LINK_LOCAL", "fe80::abcd%2, LINK_LOCAL"})
    void scoped_link_local_addresses_are_link_local(String literal, AddressClass expected) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(literal.substring(0, literal.indexOf('%'))).getAddress();
        int scope = Integer.parseInt(literal.substring(literal.indexOf('%') + 1));
        assertEquals(expected, AddressClass.of(Inet6Address.getByAddress(null, bytes, scope)));
    }
}
