package io.tijarat.plugin.emailsmtp;

import io.tijarat.plugin.emailsmtp.server.Script;
import io.tijarat.plugin.emailsmtp.server.TestSmtpServer;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Contexts, providers and messages the tests share; every test builds its own from these. */
final class Fixture {

    static final String FROM = "Shop <orders@shop.pk>";
    static final String CUSTOMER = "ayesha.khan@example.pk";
    /** "Your order 1042 has been dispatched" */
    static final String URDU_SUBJECT = "آپ کا آرڈر 1042 روانہ کر دیا گیا ہے";
    /** "Thank you! Your parcel will reach you in 2-3 days." */
    static final String URDU_TEXT = "شکریہ! آپ کا پارسل 2-3 دن میں آپ تک پہنچ جائے گا۔";

    private Fixture() {
    }

    /** The PEM file that trusts the test server's certificate (for 127.0.0.1). */
    static Path trustedCertificates() {
        return resource("test-smtp-trust.pem");
    }

    static Path resource(String name) {
        URL url = Fixture.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no " + name + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A configuration for {@code server}: STARTTLS trusting the test certificate, logging in as the script expects. */
    static TestProviderContext.Builder context(TestSmtpServer server) {
        return TestProviderContext.builder(new EmailSmtpProviderFactory().descriptor())
                .property("host", server.host())
                .property("port", String.valueOf(server.port()))
                .property("from", FROM)
                .property("username", Script.USERNAME)
                .property("password", Script.PASSWORD)
                .property("truststore", trustedCertificates().toString())
                .property("timeout-ms", "5000");
    }

    static NotificationProvider provider(TestProviderContext.Builder context) {
        return new EmailSmtpProviderFactory().create(context.build());
    }

    static MessageRequest email(IdempotencyKey eventId, String subject, String text) {
        return email(eventId, CUSTOMER, MessageContent.email(subject, text));
    }

    static MessageRequest email(IdempotencyKey eventId, String to, MessageContent content) {
        return new MessageRequest(eventId, Channel.EMAIL, new Recipient.Email(EmailAddress.of(to)),
                MessageCategory.TRANSACTIONAL, content);
    }

    static MessageRequest orderDispatched(IdempotencyKey eventId) {
        return email(eventId, "Order 1042 dispatched", "Your order 1042 has been dispatched.");
    }
}
