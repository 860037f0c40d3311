package io.tijarat.web.testing;

import io.tijarat.plugin.smstwilio.stub.TwilioStub;
import io.tijarat.plugin.whatsapp.stub.WhatsAppCloudStub;
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

    /** The bundled WhatsApp plugin's jar, left out of the server's plugin directory until WhatsAppIT drops it in. */
    public static final String WHATSAPP_JAR = "tijarat-plugin-whatsapp-cloud.jar";

    private static TwilioStub twilio;
    private static WhatsAppCloudStub whatsApp;

    public static synchronized WhatsAppCloudStub whatsApp() {
        if (whatsApp == null) {
            whatsApp = WhatsAppCloudStub.start();
        }
        return whatsApp;
    }

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
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "tijarat.provider.whatsapp-cloud.base-url", whatsApp().baseUrl().toString(),
                "tijarat.provider.whatsapp-cloud.phone-number-id", whatsApp().phoneNumberId(),
                "tijarat.provider.whatsapp-cloud.access-token", whatsApp().accessToken(),
                "tijarat.provider.whatsapp-cloud.app-secret", whatsApp().appSecret(),
                "tijarat.provider.whatsapp-cloud.verify-token", whatsApp().verifyToken(),
                "tijarat.notifications.whatsapp", "true"));
        properties.putAll(Map.of(
                "tijarat.provider.sms-twilio.base-url", twilio().baseUrl().toString(),
                "tijarat.provider.sms-twilio.account-sid", twilio().accountSid(),
                "tijarat.provider.sms-twilio.auth-token", twilio().authToken(),
                "tijarat.provider.sms-twilio.from", twilio().number(),
                "tijarat.provider.sms-twilio.webhook-url", TWILIO_WEBHOOK.toString(),
                "tijarat.cod.confirm-by-reply", "true"));
        return properties;
    }
}
