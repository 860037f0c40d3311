package io.tijarat.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether this deployment serves its API. Two facts, both one-way: the start-up listener finished (settings,
 * migrations, plugins, jobs), and the API answered over HTTP. Payara reports the deployment before its web
 * module takes requests (seen: 404 and a 500 from the web container in that window), so readiness does not
 * trust the start-up alone: while the API has not answered yet, it asks it once, over loopback on the port the
 * launcher gave ({@code tijarat.http.port}); any answer but 404 or 5xx means routing works. Without a known
 * port (a WAR deployed by other means) the start-up is all it can know.
 */
@ApplicationScoped
public class ServingState {

    private volatile boolean started;
    private volatile boolean answered;
    private HttpClient client;

    public void started() {
        started = true;
    }

    public boolean isStarted() {
        return started;
    }

    /** True once the start-up finished and the API has been seen answering. */
    public boolean serving() {
        if (!started) {
            return false;
        }
        if (!answered) {
            answered = probe().orElse(true);
        }
        return answered;
    }

    private Optional<Boolean> probe() {
        var config = ConfigProvider.getConfig();
        Optional<Integer> port = config.getOptionalValue("tijarat.http.port", Integer.class);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        String address = config.getOptionalValue("tijarat.http.address", String.class)
                .filter(a -> !a.isBlank() && !a.equals("0.0.0.0") && !a.equals("::")).orElse("127.0.0.1");
        try {
            var request = HttpRequest.newBuilder(URI.create("http://" + (address.contains(":") ? "[" + address + "]" : address)
                    + ":" + port.get() + "/api/checkout")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(2)).build();
            int status = client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return Optional.of(status != 404 && status < 500);
        } catch (java.io.IOException e) {
            return Optional.of(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(false);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        return client;
    }
}
