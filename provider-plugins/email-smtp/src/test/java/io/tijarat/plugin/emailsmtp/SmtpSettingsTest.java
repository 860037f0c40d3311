package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configuration is checked when the provider is created, without touching the network: a mistake stops the
 * provider with a message naming the key, and plain text is refused unless the server is on this machine.
 */
class SmtpSettingsTest {

    private static final String KEY = "tijarat.provider.email-smtp.";
    private static final String PASSWORD = "settings-test-password";

    private final EmailSmtpProviderFactory factory = new EmailSmtpProviderFactory();

    /** A configuration that must start; each test changes one thing. */
    private TestProviderContext.Builder valid() {
        return TestProviderContext.builder(factory.descriptor())
                .property("host", "smtp.office365.com")
                .property("from", "Shop <orders@shop.pk>")
                .property("username", "orders@shop.pk")
                .property("password", PASSWORD);
    }

    private SmtpSettings settings(TestProviderContext.Builder builder) {
        return SmtpSettings.from(builder.build().config());
    }

    private PermanentProviderException refused(Consumer<TestProviderContext.Builder> change) {
        TestProviderContext.Builder builder = valid();
        change.accept(builder);
        TestProviderContext context = builder.build();
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> factory.create(context));
        assertFalse(failure.getMessage().contains(PASSWORD), "the message shows the password");
        return failure;
    }

    @Test
    void givenHostFromAndLogin_whenCreated_thenStartTlsOnPort587WithA25SecondBudget() {
        SmtpSettings settings = settings(valid());

        assertEquals("smtp.office365.com", settings.host());
        assertEquals(587, settings.port());
        assertEquals(TlsMode.STARTTLS, settings.tls());
        assertEquals(Duration.ofSeconds(25), settings.timeout());
        assertEquals(Optional.of("orders@shop.pk"), settings.username());
        assertEquals(new Mailbox(Optional.of("Shop"), "orders@shop.pk"), settings.from());
        assertTrue(settings.truststore().isEmpty());
        assertTrue(settings.timeout().compareTo(factory.descriptor().defaultTimeout()) < 0,
                "the default timeout must end a call inside the descriptor's budget");
    }

    @Test
    void givenTlsNoneForARemoteHost_whenCreated_thenRefusedNamingTheTlsKey() {
        PermanentProviderException failure = refused(builder -> builder.property("tls", "none"));

        assertTrue(failure.getMessage().contains(KEY + "tls"), failure.getMessage());
        assertTrue(failure.getMessage().contains("plain text"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail.localhost.example.com", "10.0.0.5", "192.168.1.10", "::2", "smtp.gmail.com"}) // inputs only (private and public hosts must be refused), never contacted
    void givenTlsNoneForAHostThatIsNotLoopback_whenCreated_thenRefused(String host) {
        refused(builder -> builder.property("tls", "none").property("host", host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"})
    void givenTlsNoneForALoopbackHost_whenCreated_thenAllowed(String host) {
        assertDoesNotThrow(() -> factory.create(valid().property("tls", "none").property("host", host).build()));
    }

    @Test
    void givenAnUnknownTlsMode_whenCreated_thenRefusedNamingTheKey() {
        PermanentProviderException failure = refused(builder -> builder.property("tls", "ssl"));

        assertTrue(failure.getMessage().contains(KEY + "tls must be starttls or none"), failure.getMessage());
    }

    @Test
    void givenAUsernameWithoutAPassword_whenCreated_thenRefusedNamingThePasswordKey() {
        PermanentProviderException failure = refused(builder -> builder.without("password"));

        assertTrue(failure.getMessage().contains(KEY + "password is not set"), failure.getMessage());
    }

    @Test
    void givenAPasswordWithoutAUsername_whenCreated_thenItStartsWithoutALogin() {
        SmtpSettings settings = settings(valid().without("username"));

        assertTrue(settings.username().isEmpty());
        assertTrue(settings.password().isEmpty(), "a password without a login is not kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "five", "465"})
    void givenABadPort_whenCreated_thenRefusedNamingTheKey(String port) {
        PermanentProviderException failure = refused(builder -> builder.property("port", port));

        assertTrue(failure.getMessage().contains(KEY + "port"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "300001", "10s"})
    void givenABadTimeout_whenCreated_thenRefusedNamingTheKey(String timeout) {
        PermanentProviderException failure = refused(builder -> builder.property("timeout-ms", timeout));

        assertTrue(failure.getMessage().contains(KEY + "timeout-ms"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp://smtp.example.com", "smtp.example.com:587", "smtp example.com", "-bad.example"})
    void givenAHostThatIsNotAHostName_whenCreated_thenRefusedNamingTheKey(String host) {
        PermanentProviderException failure = refused(builder -> builder.property("host", host));

        assertTrue(failure.getMessage().contains(KEY + "host"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop", "Shop <orders>", "Shop <orders@shop.pk", "Shop <ordërs@shop.pk>",
            "orders@@shop.pk", "Shop\r\nBcc: x@y.pk <orders@shop.pk>"})
    void givenAFromThatIsNotAUsableSender_whenCreated_thenRefusedNamingTheKey(String from) {
        PermanentProviderException failure = refused(builder -> builder.property("from", from));

        assertTrue(failure.getMessage().contains(KEY + "from"), failure.getMessage());
    }

    @Test
    void givenATruststoreThatDoesNotExist_whenCreated_thenRefusedNamingTheKey() {
        PermanentProviderException failure = refused(builder -> builder.property("truststore",
                "/nonexistent/tijarat/smtp-ca.pem"));

        assertTrue(failure.getMessage().contains(KEY + "truststore"), failure.getMessage());
    }

    @Test
    void givenATruststoreThatIsNotPem_whenCreated_thenRefusedNamingTheKey() {
        PermanentProviderException failure = refused(builder -> builder.property("truststore",
                Fixture.resource("test-smtp.p12").toString()));

        assertTrue(failure.getMessage().contains(KEY + "truststore"), failure.getMessage());
    }

    @Test
    void givenSettings_whenPrinted_thenThePasswordIsMasked() {
        String text = settings(valid()).toString();

        assertFalse(text.contains(PASSWORD), text);
        assertTrue(text.contains("password=***"), text);
    }
}
