package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ProviderFailureTest {

    @Test
    void givenFailuresBeforeTheRequestLeft_whenClassified_thenNotSent() {
        assertTrue(ProviderHttp.wasNotSent(new ConnectException("Connection refused")));
        assertTrue(ProviderHttp.wasNotSent(new HttpConnectTimeoutException("connect timed out")));
        assertTrue(ProviderHttp.wasNotSent(new SSLHandshakeException("bad certificate")));
        assertTrue(ProviderHttp.wasNotSent(new IOException("wrapped", new ConnectException("refused"))));
    }

    @Test
    void givenFailuresAfterTheRequestMayHaveLeft_whenClassified_thenMaybeSent() {
        assertFalse(ProviderHttp.wasNotSent(new HttpTimeoutException("request timed out")));
        assertFalse(ProviderHttp.wasNotSent(new IOException("Connection reset")));
    }

    @Test
    void givenTheTwoFailureKinds_thenTheyAreTheOnlyProviderExceptions() {
        assertTrue(ProviderException.class.isSealed());
        assertEquals(2, ProviderException.class.getPermittedSubclasses().length);
        assertTrue(RuntimeException.class.isAssignableFrom(ProviderException.class));
    }

    @Test
    void givenAThrottledGateway_whenTransientFailureCarriesRetryAfter_thenTheCoreCanReadIt() {
        TransientProviderException throttled =
                new TransientProviderException("Telenor 304: throughput limit", null, Duration.ofSeconds(2));

        assertEquals(Optional.of(Duration.ofSeconds(2)), throttled.retryAfter());
        assertEquals(Optional.empty(), new TransientProviderException("refused").retryAfter());
        assertThrows(IllegalArgumentException.class,
                () -> new TransientProviderException("x", null, Duration.ZERO));
    }

    @Test
    void givenNoMessage_whenFailureCreated_thenRejectedBecauseOperatorsNeedOne() {
        assertThrows(IllegalArgumentException.class, () -> new PermanentProviderException(" "));
        assertThrows(NullPointerException.class, () -> new TransientProviderException(null));
    }
}
