package com.example.hellosms;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The provider's configuration, read and checked once, when the core creates the provider: a mistake
 * stops the provider at start-up with a message naming the key, instead of failing the first message.
 *
 * @param messagesUri where messages are posted: {@code {base-url}/v1/messages}
 * @param apiKey      the bearer token; only ever revealed into the {@code Authorization} header
 * @param sender      the registered sender mask, or empty for the account's default
 */
record HelloSmsSettings(URI messagesUri, Secret apiKey, Optional<String> sender) {

    static final String BASE_URL = "base-url";
    static final String API_KEY = "api-key";
    static final String SENDER = "sender";

    /** Alphanumeric sender ids are at most 11 characters on GSM networks. */
    private static final Pattern SENDER_MASK = Pattern.compile("[A-Za-z0-9]{1,11}");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** @throws PermanentProviderException naming the full key, if a value is missing or unusable */
    static HelloSmsSettings from(ProviderConfig config) {
        URI baseUrl = baseUrl(config);
        Secret apiKey = config.secret(API_KEY);
        Optional<String> sender = config.get(SENDER).map(String::strip);
        if (sender.isPresent() && !SENDER_MASK.matcher(sender.get()).matches()) {
            throw new PermanentProviderException(config.keyFor(SENDER) + " must be the sender mask registered with"
                    + " Hello SMS: 1 to 11 letters and digits, e.g. MYSHOP");
        }
        return new HelloSmsSettings(URI.create(trimTrailingSlashes(baseUrl.toString()) + "/v1/messages"), apiKey,
                sender);
    }

    private static URI baseUrl(ProviderConfig config) {
        String key = config.keyFor(BASE_URL);
        String text = config.require(BASE_URL).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new PermanentProviderException(key + " is not a URL (" + e.getReason()
                    + "): set it to https://api.hello-sms.example");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new PermanentProviderException(key + " must be an absolute URL with a host and without query or"
                    + " fragment, e.g. https://api.hello-sms.example");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        // Plain http only to a stub on this machine; the server itself allows that only in dev and test mode.
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new PermanentProviderException(key + " must start with https:// (plain http is for a local test"
                    + " stub only), was " + scheme + "://" + uri.getHost());
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static String trimTrailingSlashes(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** The key is never shown: {@link Secret#toString()} is {@code ***}. */
    @Override
    public String toString() {
        return "HelloSmsSettings[" + messagesUri + ", api-key=" + apiKey + ", sender="
                + sender.orElse("(default)") + "]";
    }
}
