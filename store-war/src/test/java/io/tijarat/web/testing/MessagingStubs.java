package io.tijarat.web.testing;

import io.tijarat.plugin.smstwilio.stub.TwilioStub;
import java.net.URI;
import java.util.Map;

/**
 * The SMS gateway stubs (from the SMS plugins' test-jars), started once per test JVM before the first server boots,
 * and the settings that point the bundled plugins at them. Twilio is configured with the shop's public webhook
 * address, as behind a reverse proxy: the stub signs over that address and delivers to the test server's real one
 * ({@link TwilioStub#route}).
 */
public final class MessagingStubs {

    /** The shop's webhook for Twilio as the shop configured it at Twilio. */
    public static final URI TWILIO_WEBHOOK = URI.create("https://shop.example.pk/api/webhooks/sms-twilio");

    private static TwilioStub twilio;

    private MessagingStubs() {
    }

    public static synchronized TwilioStub twilio() {
        if (twilio == null) {
            twilio = TwilioStub.start();
        }
        return twilio;
    }

    /** The SMS plugins' settings, as {@code tijarat.provider.<id>.<key>} system properties of the server. */
    static Map<String, String> serverProperties() {
        return Map.of(
                "tijarat.provider.sms-twilio.base-url", twilio().baseUrl().toString(),
                "tijarat.provider.sms-twilio.account-sid", twilio().accountSid(),
                "tijarat.provider.sms-twilio.auth-token", twilio().authToken(),
                "tijarat.provider.sms-twilio.from", twilio().number(),
                "tijarat.provider.sms-twilio.webhook-url", TWILIO_WEBHOOK.toString(),
                "tijarat.cod.confirm-by-reply", "true");
    }
}
