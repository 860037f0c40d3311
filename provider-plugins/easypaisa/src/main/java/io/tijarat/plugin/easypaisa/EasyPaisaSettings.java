package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's EasyPaisa configuration, read and checked once when the core creates the provider, so
 * that a typo — or live mode pointed at the sandbox — stops the provider at start-up with a message
 * naming the key, instead of failing a customer's checkout. The form of {@code mode}, {@code base-url},
 * {@code postback-url} and {@code voucher-validity-hours} is declared in the descriptor
 * ({@link io.tijarat.spi.ConfigType}) and checked by the core before the provider is created, so this reads
 * them as already well-formed; it checks only what no declared type knows.
 *
 * @param mode            sandbox or live; live refuses sandbox and loopback hosts
 * @param baseUrl         EasyPaisa's host, without a trailing slash
 * @param storeId         the store id from the merchant portal
 * @param accountNumber   the merchant's EasyPaisa account number, which inquiries must name
 * @param username        the REST API user
 * @param password        the REST API password; only ever revealed into the {@code Credentials} header
 * @param hashKey         the 16-character hash key that encrypts {@code merchantHashedReq}
 * @param postBackUrl     where EasyPaisa sends the customer's browser back (the core's return endpoint) when
 *                        the payment request brings no return URL
 * @param voucherValidity how long an over-the-counter voucher can be paid
 * @param fallbackEmail   the {@code emailAddress} sent when the customer gave none: EasyPaisa's REST initiations
 *                        carry one on every transaction
 * @param keyPrefix       {@code tijarat.provider.easypaisa.}, for messages that name a key
 */
record EasyPaisaSettings(Mode mode, URI baseUrl, String storeId, String accountNumber, String username,
                         Secret password, Secret hashKey, Optional<URI> postBackUrl, Duration voucherValidity,
                         EmailAddress fallbackEmail, String keyPrefix) {

    static final String MODE = "mode";
    static final String BASE_URL = "base-url";
    static final String STORE_ID = "store-id";
    static final String ACCOUNT_NUMBER = "account-number";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String HASH_KEY = "hash-key";
    static final String POSTBACK_URL = "postback-url";
    static final String VOUCHER_VALIDITY_HOURS = "voucher-validity-hours";
    static final String FALLBACK_EMAIL = "fallback-email";

    /**
     * The fallback's default: an address at a domain reserved for examples (RFC 2606), so nothing EasyPaisa
     * sends to it reaches anyone. Shops set their own no-reply address; in live mode the provider warns until
     * they do.
     */
    static final String DEFAULT_FALLBACK_EMAIL = "no-reply@example.com";

    /** EasyPaisa's staging host (the notes' "Staging"). */
    static final String SANDBOX_HOST = "easypaystg.easypaisa.com.pk";
    /** EasyPaisa's production host. */
    static final String LIVE_HOST = "easypay.easypaisa.com.pk";
    static final String SANDBOX_URL = "https://" + SANDBOX_HOST;
    static final String LIVE_URL = "https://" + LIVE_HOST;

    /** The query parameter that carries the attempt id through EasyPaisa's browser round trip. */
    static final String ATTEMPT_PARAMETER = "attempt";

    private static final Pattern STORE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z-]{1,40}");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final int HASH_KEY_LENGTH = 16;
    static final int MAX_VOUCHER_HOURS = 720;

    /** Where the REST v4 API lives under the base URL. */
    private static final String REST = "/easypay-service/rest/v4/";

    /** Whether the provider may take real money. */
    enum Mode {
        SANDBOX, LIVE
    }

    /** @throws PermanentProviderException naming the full key, if a value is missing or unusable */
    static EasyPaisaSettings from(ProviderConfig config) {
        String prefix = config.keyFor(MODE).substring(0, config.keyFor(MODE).length() - MODE.length());
        Mode mode = Mode.valueOf(config.require(MODE).strip().toUpperCase(Locale.ROOT));
        URI baseUrl = baseUrl(config, mode);
        String storeId = matching(config, STORE_ID, STORE, "the numeric store id from the EasyPaisa merchant portal");
        String account = matching(config, ACCOUNT_NUMBER, ACCOUNT,
                "the merchant's EasyPaisa account number from the portal (letters, digits and '-')");
        String username = config.require(USERNAME).strip();
        if (username.contains(":")) {
            throw new PermanentProviderException(config.keyFor(USERNAME) + " must not contain ':' (EasyPaisa's"
                    + " Credentials header is base64 of username:password)");
        }
        Secret password = config.secret(PASSWORD);
        Secret hashKey = config.secret(HASH_KEY);
        if (hashKey.reveal().length() != HASH_KEY_LENGTH
                || hashKey.reveal().getBytes(StandardCharsets.UTF_8).length != HASH_KEY_LENGTH) {
            // Never say what the key is, only what it must be.
            throw new PermanentProviderException(config.keyFor(HASH_KEY) + " must be the 16-character hash key from"
                    + " the EasyPaisa merchant portal (AES-128 needs exactly 16 ASCII characters)");
        }
        Optional<URI> postBack = config.get(POSTBACK_URL).isPresent() ? Optional.of(postBackUrl(config, mode))
                : Optional.empty();
        Duration voucherValidity = Duration.ofHours(Long.parseLong(
                config.require(VOUCHER_VALIDITY_HOURS).strip()));
        EmailAddress fallbackEmail = fallbackEmail(config);
        return new EasyPaisaSettings(mode, baseUrl, storeId, account, username, password, hashKey, postBack,
                voucherValidity, fallbackEmail, prefix);
    }

    /** {@code {base-url}/easypay-service/rest/v4/<endpoint>}. */
    URI restUri(String endpoint) {
        return URI.create(baseUrl + REST + endpoint);
    }

    /** The hosted checkout's first page. */
    URI checkoutUri() {
        return URI.create(baseUrl + "/easypay/Index.jsf");
    }

    /** The hosted checkout's confirmation page, the second browser POST. */
    URI confirmUri() {
        return URI.create(baseUrl + "/easypay/Confirm.jsf");
    }

    /** The value of EasyPaisa's {@code Credentials} header: base64 of {@code username:password}. */
    String credentialsHeader() {
        return Base64.getEncoder().encodeToString((username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code postBackURL} for one attempt: the core's return URL for this request (else the configured
     * one) with {@code attempt=<id>} added, so that the browser's first return (which carries only an
     * {@code auth_token}) still says which attempt it is about.
     *
     * @throws PermanentProviderException if there is neither
     */
    String postBackFor(IdempotencyKey attemptId, Optional<URI> requestReturnUrl) {
        URI base = requestReturnUrl.or(this::postBackUrl).orElseThrow(() -> new PermanentProviderException(
                keyPrefix + POSTBACK_URL + " is not set and the payment request brings no return URL: set it to the"
                        + " shop's public URL of the core's EasyPaisa return endpoint"));
        String url = base.toString();
        return url + (base.getRawQuery() == null ? '?' : '&') + ATTEMPT_PARAMETER + "=" + attemptId.value();
    }

    /** The full key of a property, e.g. {@code tijarat.provider.easypaisa.store-id}. */
    String key(String name) {
        return keyPrefix + name;
    }

    /** Hosts an IPN's {@code url} may name: the configured one, and EasyPaisa's own two. */
    Set<String> easyPaisaHosts() {
        return Set.of(baseUrl.getHost().toLowerCase(Locale.ROOT), SANDBOX_HOST, LIVE_HOST);
    }

    /**
     * EasyPaisa's host. Its declared type ({@code httpsUrl}) has made it absolute, with a host, and https except to
     * a stub on this machine, which live mode refuses here.
     */
    private static URI baseUrl(ProviderConfig config, Mode mode) {
        String key = config.keyFor(BASE_URL);
        URI uri = URI.create(config.require(BASE_URL).strip());
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw new PermanentProviderException(key + " must be EasyPaisa's host only, without path, query or"
                    + " fragment, e.g. " + SANDBOX_URL + " or " + LIVE_URL);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (mode == Mode.LIVE && (host.equals(SANDBOX_HOST) || isLoopback(host))) {
            throw new PermanentProviderException(config.keyFor(MODE) + " is live but " + key + " points at "
                    + (isLoopback(host) ? "this machine (a stub)" : "EasyPaisa's sandbox host " + SANDBOX_HOST)
                    + ": live payments must go to " + LIVE_URL + " — set " + key + " to it, or " + config.keyFor(MODE)
                    + " to sandbox");
        }
        if (mode == Mode.SANDBOX && host.equals(LIVE_HOST)) {
            throw new PermanentProviderException(config.keyFor(MODE) + " is sandbox but " + key + " points at"
                    + " EasyPaisa's production host " + LIVE_HOST + ", where payments take real money: set "
                    + config.keyFor(MODE) + " to live, or " + key + " to " + SANDBOX_URL);
        }
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }

    /** Checked like {@link #baseUrl}, except that a path and a query are the shop's to choose. */
    private static URI postBackUrl(ProviderConfig config, Mode mode) {
        String key = config.keyFor(POSTBACK_URL);
        URI uri = URI.create(config.require(POSTBACK_URL).strip());
        if (uri.getRawFragment() != null) {
            throw new PermanentProviderException(key + " must not have a fragment (#…): EasyPaisa appends its"
                    + " parameters to the URL");
        }
        if (mode == Mode.LIVE && isLoopback(uri.getHost())) {
            throw new PermanentProviderException(config.keyFor(MODE) + " is live but " + key + " points at this"
                    + " machine: customers' browsers must come back to the shop's public https address");
        }
        return uri;
    }

    private static String matching(ProviderConfig config, String name, Pattern shape, String what) {
        String value = config.require(name).strip();
        if (!shape.matcher(value).matches()) {
            throw new PermanentProviderException(config.keyFor(name) + " must be " + what + ", was '" + value + "'");
        }
        return value;
    }

    private static EmailAddress fallbackEmail(ProviderConfig config) {
        String value = config.require(FALLBACK_EMAIL).strip();
        try {
            return EmailAddress.of(value);
        } catch (IllegalArgumentException e) {
            throw new PermanentProviderException(config.keyFor(FALLBACK_EMAIL) + " must be an e-mail address"
                    + " (local@domain.tld), e.g. the shop's no-reply address");
        }
    }

    /** Whether the shop left the fallback e-mail at its placeholder default. */
    boolean fallbackEmailIsDefault() {
        return fallbackEmail.value().equalsIgnoreCase(DEFAULT_FALLBACK_EMAIL);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** Secrets show as {@code ***}: {@link Secret#toString()}. */
    @Override
    public String toString() {
        return "EasyPaisaSettings[" + mode + ", " + baseUrl + ", store " + storeId + ", user " + username
                + ", password " + password + ", hash key " + hashKey + ", voucher validity " + voucherValidity
                + ", fallback e-mail " + fallbackEmail.masked() + "]";
    }
}
