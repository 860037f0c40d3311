package io.tijarat.web.testing;

import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.plugin.jazzcash.stub.JazzCashStub;

import java.util.Map;

/**
 * The JazzCash and EasyPaisa stubs (WireMock on 127.0.0.1, from the plugins' test-jars), started once per
 * test JVM before the first server boots, and the settings that point the bundled plugins at them — as a
 * shop would configure its sandbox credentials. Every server of the run talks to the same two stubs, so
 * their ledgers hold every test's payments (each payment has its own attempt id).
 */
public final class PaymentStubs {

    /** A made-up but checksum-valid Pakistani IBAN for the bundled bank-transfer plugin. */
    static final String IBAN = "PK36SCBL0000001123456702";

    private static JazzCashStub jazzCash;
    private static EasyPaisaStub easyPaisa;

    private PaymentStubs() {
    }

    public static synchronized JazzCashStub jazzCash() {
        if (jazzCash == null) {
            jazzCash = JazzCashStub.start();
        }
        return jazzCash;
    }

    public static synchronized EasyPaisaStub easyPaisa() {
        if (easyPaisa == null) {
            easyPaisa = EasyPaisaStub.start();
        }
        return easyPaisa;
    }

    /** The plugin settings, as {@code tijarat.provider.<id>.<key>} system properties of the server. */
    static Map<String, String> serverProperties() {
        JazzCashStub.Credentials jc = jazzCash().credentials();
        EasyPaisaStub.Credentials ep = easyPaisa().credentials();
        return Map.ofEntries(
                Map.entry("tijarat.provider.jazzcash.mode", "sandbox"),
                Map.entry("tijarat.provider.jazzcash.base-url", jazzCash().baseUrl().toString()),
                Map.entry("tijarat.provider.jazzcash.merchant-id", jc.merchantId()),
                Map.entry("tijarat.provider.jazzcash.password", jc.password()),
                Map.entry("tijarat.provider.jazzcash.integrity-salt", jc.integritySalt()),
                Map.entry("tijarat.provider.jazzcash.merchant-mpin", jc.merchantMpin()),
                // a short budget for the wallet start, so that PaymentsEndToEndIT can answer just inside and just
                // after it (the plugin's own wallet timeout, 70 s, is longer)
                Map.entry("tijarat.provider.jazzcash.ft.start.timeout-ms", "6000"),
                Map.entry("tijarat.provider.easypaisa.mode", "sandbox"),
                Map.entry("tijarat.provider.easypaisa.base-url", easyPaisa().baseUrl().toString()),
                Map.entry("tijarat.provider.easypaisa.store-id", ep.storeId()),
                Map.entry("tijarat.provider.easypaisa.account-number", ep.accountNumber()),
                Map.entry("tijarat.provider.easypaisa.username", ep.username()),
                Map.entry("tijarat.provider.easypaisa.password", ep.password()),
                Map.entry("tijarat.provider.easypaisa.hash-key", ep.hashKey()),
                Map.entry("tijarat.provider.bank-transfer.account-title", "Tijarat Test Traders"),
                Map.entry("tijarat.provider.bank-transfer.bank-name", "Standard Chartered"),
                Map.entry("tijarat.provider.bank-transfer.iban", IBAN));
    }
}
