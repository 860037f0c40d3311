package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.payment.CustomerAction;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The customer's browser in the hosted-checkout tests: it submits the form the core would render for a
 * {@link CustomerAction.Redirect} to the stub (on 127.0.0.1 only), and comes back where EasyPaisa's
 * redirect points, as a {@link CallbackRequest} the core would hand the plugin.
 */
final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Browser() {
    }

    /** Submits the form; returns where EasyPaisa redirects the browser. Fails on anything but a redirect. */
    static URI post(CustomerAction.Redirect form) throws IOException, InterruptedException {
        HttpResponse<String> response = submit(form);
        if (response.statusCode() != 302) {
            throw new AssertionError("EasyPaisa did not redirect: HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** Submits the form and returns whatever came back. */
    static HttpResponse<String> submit(CustomerAction.Redirect form) throws IOException, InterruptedException {
        if (!"127.0.0.1".equals(form.target().getHost())) {
            throw new AssertionError("the test browser only goes to the stub on 127.0.0.1, not " + form.target());
        }
        String body = form.fields().entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(form.target()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The browser arriving at {@code location} (our postBackURL), as the core passes it on. */
    static CallbackRequest returning(URI location) {
        return new CallbackRequest(CallbackRequest.Source.CUSTOMER_RETURN, "GET", location,
                HttpHeaders.of(Map.of(), (name, value) -> true), new byte[0], Optional.of("198.51.100.20"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
