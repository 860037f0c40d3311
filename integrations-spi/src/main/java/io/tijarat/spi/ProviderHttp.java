package io.tijarat.spi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The only way a plugin reaches the network: an HTTP client the core has already set up, built on
 * {@code java.net.http} (which, unlike some clients, stops when the core's timeout interrupts it).
 *
 * <p><b>Plugins must never build their own {@code HttpClient}, socket or URL connection.</b> The
 * core's client gives every call what production needs and plugins tend to forget:
 * <ul>
 *   <li>connect and response timeouts — a request without {@link HttpRequest#timeout()} gets the
 *       time left in the call's budget;</li>
 *   <li>TLS only: a request to a non-{@code https} URI is refused with
 *       {@link IllegalArgumentException} (the core may allow plain HTTP to loopback, for tests
 *       against a stub, when the operator enables it);</li>
 *   <li>no redirects: a 3xx response is returned as it is, because a payment API that redirects is
 *       misconfigured or compromised;</li>
 *   <li>a bounded response body: the core lets a plugin read at most a configured size (2 MiB unless the
 *       operator sets more); a bigger body is cut off and the call (or reading the body stream) fails with an
 *       {@link IOException} saying so — the request was sent and answered, so treat it like a response
 *       timeout (below);</li>
 *   <li>the correlation id header, and per-provider metrics (count, latency, status class).</li>
 * </ul>
 *
 * <h2>What a failure means</h2>
 * A gateway that answers with any HTTP status, an error page included, has answered: read the
 * response and map it (JazzCash's geo-block answers 200 with an HTML page: any answer that is not the
 * format the API promises is a {@link TransientProviderException} for a read, {@code Unknown} for a
 * changing call). When {@link #send} throws instead:
 * <ul>
 *   <li>the request was never sent ({@link #wasNotSent(IOException)}: connection refused, DNS
 *       failure, connect timeout, TLS handshake failure) — throw {@link TransientProviderException},
 *       whatever the call;</li>
 *   <li>otherwise it may have been sent (response timeout, connection reset): a read throws
 *       {@link TransientProviderException}; a changing call returns its {@code Unknown} outcome,
 *       because the gateway may have acted on it;</li>
 *   <li>{@link InterruptedException}: the core's timeout fired or the server is stopping. Restore the
 *       interrupt flag and end the call the same way as a response timeout.</li>
 * </ul>
 *
 * <p>Implemented by the core. Thread-safe: one instance serves all of a provider's calls.
 */
public interface ProviderHttp {

    /**
     * Sends a request and waits for the response, like {@link java.net.http.HttpClient#send}.
     *
     * @throws IOException              if there was no response; see the interface comment
     * @throws InterruptedException     if the core's timeout or shutdown interrupted the call
     * @throws IllegalArgumentException if the URI is not {@code https}
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException;

    /**
     * Whether a failure from {@link #send} happened before any byte of the request could reach the
     * server, so that even a changing call is safe to retry.
     */
    static boolean wasNotSent(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof UnresolvedAddressException
                    || cause instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }
}
