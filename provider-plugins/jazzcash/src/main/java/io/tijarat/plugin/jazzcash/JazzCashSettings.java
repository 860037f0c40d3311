package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's JazzCash configuration, read and checked once, when the core creates the provider: a
 * mistake stops the provider at start-up with a message naming the key, instead of failing a customer's
 * checkout.
 *
 * <p>The most expensive mistake is a live shop talking to the sandbox (sandbox and production merchant
 * ids can collide on {@code pp_TxnRefNo}, and sandbox "payments" are not money), or test credentials in
 * live mode. In {@link Mode#LIVE} the provider therefore refuses a sandbox host, a loopback address (the only
 * place plain HTTP is allowed) and sandbox-looking credentials; in {@link Mode#SANDBOX} it refuses JazzCash's
 * live hosts.
 *
 * <p>The form of {@code mode}, {@code base-url}, {@code return-url} and {@code voucher-validity-hours} is declared
 * in the descriptor ({@link io.tijarat.spi.ConfigType}) and checked by the core before the provider is created,
 * so this reads them as already well-formed; it checks only what no declared type knows.
 *
 * @param mode             sandbox or live
 * @param merchantId       {@code pp_MerchantID}
 * @param password         {@code pp_Password}
 * @param integritySalt    the key of {@code pp_SecureHash}
 * @param merchantMpin     {@code pp_MerchantMPIN}, needed for refunds only
 * @param baseUrl          JazzCash's host, without a trailing slash
 * @param returnUrl        {@code pp_ReturnURL} when the payment request brings none
 * @param voucherValidity  how long an over-the-counter voucher can be paid
 * @param keys             the full configuration keys, for messages
 */
record JazzCashSettings(Mode mode, String merchantId, Secret password, Secret integritySalt,
                        Optional<Secret> merchantMpin, URI baseUrl, Optional<URI> returnUrl, Duration voucherValidity,
                        Endpoints endpoints, Keys keys) {

    static final String MODE = "mode";
    static final String MERCHANT_ID = "merchant-id";
    static final String PASSWORD = "password";
    static final String INTEGRITY_SALT = "integrity-salt";
    static final String MERCHANT_MPIN = "merchant-mpin";
    static final String BASE_URL = "base-url";
    static final String RETURN_URL = "return-url";
    static final String VOUCHER_VALIDITY_HOURS = "voucher-validity-hours";

    static final String SANDBOX_URL = "https://sandbox.jazzcash.com.pk";
    static final String LIVE_URL = "https://payments.jazzcash.com.pk";
    /** JazzCash's production hosts: the documented one, and the newer one seen in 2026 integrations. */
    static final Set<String> LIVE_HOSTS = Set.of("payments.jazzcash.com.pk", "pgw.jazzcash.com.pk");

    /** JazzCash accepts a transaction expiry of up to three months. */
    static final long MAX_VOUCHER_HOURS = 90L * 24;

    private static final Pattern MERCHANT_ID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    /** Test merchants in JazzCash's documentation and sandbox are named {@code Test00127801} and the like. */
    private static final Pattern TEST_MERCHANT = Pattern.compile("(?i)(test.*|.*sandbox.*)");
    /**
     * Credentials that are a placeholder rather than a secret JazzCash issued: the documentation's
     * {@code 0123456789} and {@code 000000000}, one character repeated, or words nobody is issued.
     */
    private static final Pattern PLACEHOLDER_SECRET =
            Pattern.compile("(?i)(.*(sandbox|changeme|change-me|placeholder|dummy).*|0?123456789|(.)\\3*)");

    /** Where JazzCash's requests go. */
    enum Mode {
        /** JazzCash's sandbox, or a stub on this machine: no real money. */
        SANDBOX,
        /** Production: real money, real customers. */
        LIVE
    }

    /**
     * The full keys of the properties ({@code tijarat.provider.jazzcash.merchant-id}, …), so failure
     * messages name what the operator must change.
     */
    record Keys(String mode, String merchantId, String password, String integritySalt, String merchantMpin,
                String baseUrl, String returnUrl) {

        static Keys of(ProviderConfig config) {
            return new Keys(config.keyFor(MODE), config.keyFor(MERCHANT_ID), config.keyFor(PASSWORD),
                    config.keyFor(INTEGRITY_SALT), config.keyFor(MERCHANT_MPIN), config.keyFor(BASE_URL),
                    config.keyFor(RETURN_URL));
        }
    }

    /** @throws PermanentProviderException naming the full key, if a value is missing, invalid or unsafe */
    static JazzCashSettings from(ProviderConfig config) {
        Keys keys = Keys.of(config);
        Mode mode = Mode.valueOf(config.require(MODE).strip().toUpperCase(Locale.ROOT));
        String merchantId = config.require(MERCHANT_ID).strip();
        if (!MERCHANT_ID_SHAPE.matcher(merchantId).matches()) {
            throw new PermanentProviderException(keys.merchantId() + " must be the Merchant ID from the JazzCash"
                    + " portal: 1 to 50 letters, digits, '-' or '_', without spaces");
        }
        Secret password = config.secret(PASSWORD);
        Secret salt = config.secret(INTEGRITY_SALT);
        Optional<Secret> mpin = config.findSecret(MERCHANT_MPIN);
        URI baseUrl = url(config.require(BASE_URL), keys.baseUrl(), false);
        Optional<URI> returnUrl = config.get(RETURN_URL).map(text -> url(text, keys.returnUrl(), true));
        Duration voucherValidity = Duration.ofHours(Long.parseLong(config.require(VOUCHER_VALIDITY_HOURS).strip()));
        JazzCashSettings settings = new JazzCashSettings(mode, merchantId, password, salt, mpin, baseUrl, returnUrl,
                voucherValidity, Endpoints.from(config, baseUrl), keys);
        if (mode == Mode.LIVE) {
            settings.refuseSandboxInLiveMode();
        } else {
            settings.refuseLiveHostInSandboxMode();
        }
        return settings;
    }

    /** {@code base-url} followed by {@code path}, which starts with {@code /}. */
    URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    /** Where {@code operation} is posted: {@code base-url} followed by its path ({@link Endpoints}). */
    URI endpoint(Endpoints.Operation operation) {
        return endpoint(endpoints.path(operation));
    }

    /**
     * A URL without user info, query or fragment, which its declared type ({@code httpsUrl}) does not rule out.
     * The type has already made it absolute, with a host, and https except to a stub on this machine, which
     * live mode refuses below.
     */
    private static URI url(String text, String key, boolean pathAllowed) {
        String trimmed = text.strip();
        while (!pathAllowed && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = URI.create(trimmed);
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new PermanentProviderException(key + " must be an absolute URL with a host and without user info,"
                    + " query or fragment, e.g. " + (pathAllowed ? "https://shop.example.pk/payments/jazzcash/return"
                    : SANDBOX_URL));
        }
        return uri;
    }

    private void refuseSandboxInLiveMode() {
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.contains("sandbox") || isLoopback(host)) {
            throw new PermanentProviderException(keys.baseUrl() + " points at " + host + " while " + keys.mode()
                    + " is live: a live shop must never talk to the sandbox or a stub (sandbox and production"
                    + " references can collide). Set it to " + LIVE_URL + " or the live host JazzCash gave you");
        }
        if (TEST_MERCHANT.matcher(merchantId).matches()) {
            throw new PermanentProviderException(keys.merchantId() + " looks like a JazzCash test merchant ('"
                    + merchantId + "') while " + keys.mode() + " is live: set the production Merchant ID from the"
                    + " JazzCash portal");
        }
        refusePlaceholder(password, keys.password());
        refusePlaceholder(integritySalt, keys.integritySalt());
        merchantMpin.ifPresent(mpin -> refusePlaceholder(mpin, keys.merchantMpin()));
        returnUrl.filter(url -> isLoopback(url.getHost())).ifPresent(url -> {
            throw new PermanentProviderException(keys.returnUrl() + " points at this machine (" + url.getHost()
                    + ") while " + keys.mode() + " is live: JazzCash cannot post the customer back there. Set it to"
                    + " the shop's public https address");
        });
    }

    private static void refusePlaceholder(Secret secret, String key) {
        if (PLACEHOLDER_SECRET.matcher(secret.reveal()).matches()) {
            // The value is never shown: the key says which one to replace.
            throw new PermanentProviderException(key + " looks like a sandbox or placeholder value while the provider"
                    + " is in live mode: set the production value from the JazzCash portal");
        }
    }

    private void refuseLiveHostInSandboxMode() {
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (LIVE_HOSTS.contains(host)) {
            throw new PermanentProviderException(keys.baseUrl() + " is JazzCash's live host " + host + " while "
                    + keys.mode() + " is sandbox: set " + keys.mode() + " to live (with live credentials), or "
                    + keys.baseUrl() + " to " + SANDBOX_URL);
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }

    /** Secrets show as {@code ***}. */
    @Override
    public String toString() {
        return "JazzCashSettings[" + mode + ", merchant " + merchantId + ", " + baseUrl + ", password " + password
                + ", integrity salt " + integritySalt + ", merchant MPIN "
                + (merchantMpin.isPresent() ? "***" : "not set")
                + ", return URL " + returnUrl.map(URI::toString).orElse("from each request") + ", vouchers valid "
                + voucherValidity.toHours() + " h]";
    }
}
