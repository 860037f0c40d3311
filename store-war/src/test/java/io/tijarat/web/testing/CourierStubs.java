package io.tijarat.web.testing;

import io.tijarat.plugin.leopards.stub.LeopardsStub;
import io.tijarat.plugin.postex.stub.PostExStub;
import io.tijarat.plugin.tcs.stub.TcsStub;
import java.util.Map;

/**
 * The courier stubs (from the courier plugins' test-jars), started once per test JVM before the first server boots,
 * and the settings that point the bundled courier plugins at them, as a shop would configure its accounts.
 */
public final class CourierStubs {

    private static PostExStub postEx;
    private static LeopardsStub leopards;
    private static TcsStub tcs;
    private static io.tijarat.plugin.tcs.stub.TcsEcomStub tcsEcom;

    private CourierStubs() {
    }

    public static synchronized PostExStub postEx() {
        if (postEx == null) {
            postEx = PostExStub.start();
        }
        return postEx;
    }

    public static synchronized LeopardsStub leopards() {
        if (leopards == null) {
            leopards = LeopardsStub.start();
        }
        return leopards;
    }

    public static synchronized TcsStub tcs() {
        if (tcs == null) {
            tcs = TcsStub.start();
        }
        return tcs;
    }

    public static synchronized io.tijarat.plugin.tcs.stub.TcsEcomStub tcsEcom() {
        if (tcsEcom == null) {
            tcsEcom = io.tijarat.plugin.tcs.stub.TcsEcomStub.start();
        }
        return tcsEcom;
    }

    /** The courier plugins' settings, as {@code tijarat.provider.<id>.<key>} system properties of the server. */
    static Map<String, String> serverProperties() {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "tijarat.provider.tcs.base-url", tcs().baseUrl().toString(),
                "tijarat.provider.tcs.tracking-url", tcs().trackingUrl().toString(),
                "tijarat.provider.tcs.client-id", tcs().clientId(),
                "tijarat.provider.tcs.user-name", tcs().userName(),
                "tijarat.provider.tcs.password", tcs().password(),
                "tijarat.provider.tcs.cost-center-code", "CC-01",
                "tijarat.provider.tcs.cod-fee-percent", "2"));
        io.tijarat.plugin.tcs.stub.TcsEcomStub.settings(tcsEcom())
                .forEach((key, value) -> properties.put("tijarat.provider.tcs-ecom." + key, value));
        properties.putAll(Map.of(
                "tijarat.provider.leopards.base-url", leopards().baseUrl().toString(),
                "tijarat.provider.leopards.api-key", leopards().apiKey(),
                "tijarat.provider.leopards.api-password", leopards().apiPassword(),
                "tijarat.provider.postex.base-url", postEx().baseUrl().toString(),
                "tijarat.provider.postex.token", postEx().token(),
                "tijarat.provider.postex.origin-city", "Karachi",
                "tijarat.provider.postex.cod-fee-percent", "2",
                "tijarat.provider.postex.fuel-surcharge-percent", "10",
                "tijarat.provider.postex.gst-percent", "16"));
        return properties;
    }
}
