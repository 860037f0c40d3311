package io.tijarat.core.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import io.tijarat.core.crypto.SecretBox;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's own settings ({@code tijarat.*}; plugin settings {@code tijarat.provider.<id>.*} are validated by
 * each plugin's declared properties), read once and validated together: {@link #load} collects every bad value
 * and throws one {@link InvalidSettingsException} naming each key and its expected form. Defaults are the
 * README's.
 */
@ApplicationScoped
public class TijaratSettings {

    private Mode mode;
    private Duration reconcilerInterval;
    private Duration reconcilerInFlight;
    private Duration unpaidExpiry;
    private Duration eventSweepInterval;
    private Duration outboxInterval;
    private int outboxMaxAttempts;
    private Duration trackingInterval;
    private Duration trackingMinInterval;
    private Duration idempotencyRetention;
    private Duration idempotencyPurgeInterval;
    private Duration webhooksInterval;
    private int webhooksDisableAfterFailures;
    private long webhooksRetryScale;
    private Duration webhooksSecretGrace;
    private SecretBox secretBox;
    private int catalogCacheSeconds;
    private double callbackRatePerSecond;
    private int callbackBurst;
    private TrustedProxies trustedProxies;
    private int rateLimitMaxKeys;
    private double checkoutPerAddressPerMinute;
    private int checkoutPerAddressBurst;
    private double checkoutPerPhonePerMinute;
    private int checkoutPerPhoneBurst;
    private Duration codConfirmWithin;
    private boolean codConfirmByReply;
    private Duration codReplyWithin;
    private Duration codReleaseInterval;
    private Duration eventConfirmBackoff;
    private Optional<String> publicUrl;
    private Optional<String> storefrontReturnUrl;
    private boolean demoCatalog;
    private boolean notificationsSms;
    private int smsMaxParts;
    private long smsPricePerPart;
    private int smsPerPhonePerDay;
    private int smsPerDay;
    private boolean notificationsWhatsapp;
    private int whatsappPerPhonePerDay;
    private int whatsappPerDay;
    private Optional<String> merchantEmail;
    private long pluginMaxResponseBytes;
    private Duration remittanceWindow;

    @PostConstruct
    void init() {
        var config = ConfigProvider.getConfig();
        load(key -> config.getOptionalValue(key, String.class));
    }

    /** Settings read from {@code source} (a key's raw value, if any); for tests and the CDI bean. */
    public static TijaratSettings from(Function<String, Optional<String>> source) {
        var settings = new TijaratSettings();
        settings.load(source);
        return settings;
    }

    void load(Function<String, Optional<String>> source) {
        var read = new Reader(source);
        mode = read.mode();
        reconcilerInterval = read.seconds("tijarat.reconciler.interval-seconds", 30, 0);
        reconcilerInFlight = read.seconds("tijarat.reconciler.in-flight-seconds", 120, 0);
        unpaidExpiry = Duration.ofMinutes(read.number("tijarat.checkout.unpaid-expiry-minutes", 30, 1, 60L * 24 * 30,
                "a whole number of minutes from 1 to 43200"));
        eventSweepInterval = read.seconds("tijarat.events.sweep-interval-seconds", 30, 0);
        outboxInterval = read.seconds("tijarat.outbox.interval-seconds", 5, 0);
        outboxMaxAttempts = (int) read.number("tijarat.outbox.max-attempts", 10, 1, 100, "a whole number from 1 to 100");
        trackingInterval = read.seconds("tijarat.tracking.interval-seconds", 300, 0);
        trackingMinInterval = read.seconds("tijarat.tracking.min-interval-seconds", 900, 1);
        remittanceWindow = Duration.ofDays(read.number("tijarat.tracking.remittance-window-days", 60, 1, 3650,
                "a whole number of days from 1 to 3650"));
        idempotencyRetention = Duration.ofHours(read.number("tijarat.idempotency.retention-hours", 48, 24, 24L * 365,
                "a whole number of hours, at least 24"));
        idempotencyPurgeInterval = read.seconds("tijarat.idempotency.purge-interval-seconds", 3600, 0);
        webhooksInterval = read.seconds("tijarat.webhooks.interval-seconds", 5, 0);
        webhooksDisableAfterFailures = (int) read.number("tijarat.webhooks.disable-after-failures", 5, 1, 1000,
                "a whole number from 1 to 1000");
        webhooksRetryScale = read.number("tijarat.webhooks.retry-scale", 1, 1, 1_000_000, "a whole number from 1 to 1000000");
        webhooksSecretGrace = read.seconds("tijarat.webhooks.secret-grace-seconds", 86_400, 0);
        secretBox = read.secretBox(mode);
        catalogCacheSeconds = (int) read.number("tijarat.catalog.cache-seconds", 60, 0, 86_400,
                "a whole number of seconds from 0 to 86400");
        callbackRatePerSecond = read.decimal("tijarat.callbacks.rate-per-second", 20.0);
        callbackBurst = (int) read.number("tijarat.callbacks.burst", 40, 1, 100_000, "a whole number from 1 to 100000");
        trustedProxies = read.proxies("tijarat.http.trusted-proxies");
        rateLimitMaxKeys = (int) read.number("tijarat.http.rate-limit-max-keys", 50_000, 100, 10_000_000,
                "a whole number from 100 to 10000000");
        checkoutPerAddressPerMinute = read.decimal("tijarat.checkout.per-address-per-minute", 10.0);
        checkoutPerAddressBurst = (int) read.number("tijarat.checkout.per-address-burst", 20, 1, 100_000,
                "a whole number from 1 to 100000");
        checkoutPerPhonePerMinute = read.decimal("tijarat.checkout.per-phone-per-minute", 1.0);
        checkoutPerPhoneBurst = (int) read.number("tijarat.checkout.per-phone-burst", 5, 1, 100_000,
                "a whole number from 1 to 100000");
        codConfirmWithin = Duration.ofHours(read.number("tijarat.cod.confirm-within-hours", 48, 0, 24L * 90,
                "a whole number of hours from 0 (keep waiting) to 2160"));
        codReleaseInterval = read.seconds("tijarat.cod.release-interval-seconds", 300, 0);
        eventConfirmBackoff = read.seconds("tijarat.events.confirm-backoff-seconds", 10, 1);
        publicUrl = read.url("tijarat.public-url");
        storefrontReturnUrl = read.url("tijarat.storefront.return-url");
        demoCatalog = read.bool("tijarat.demo-catalog", false);
        read.number("tijarat.cart.max-quantity-per-line", 20, 1, 10_000, "a whole number from 1 to 10000");
        read.number("tijarat.cart.max-lines", 30, 1, 1_000, "a whole number from 1 to 1000");
        read.number("tijarat.tax.rate-basis-points", 0, 0, 10_000, "a whole number of basis points from 0 to 10000");
        notificationsSms = read.bool("tijarat.notifications.sms", false);
        codConfirmByReply = read.bool("tijarat.cod.confirm-by-reply", false);
        codReplyWithin = Duration.ofHours(read.number("tijarat.cod.reply-within-hours", 6, 1, 24L * 30,
                "a whole number of hours from 1 to 720"));
        smsMaxParts = (int) read.number("tijarat.sms.max-parts", 3, 1, 10, "a whole number from 1 to 10");
        smsPricePerPart = read.number("tijarat.sms.price-per-part-paisa", 0, 0, 100_000,
                "a whole number of paisa from 0 to 100000");
        smsPerPhonePerDay = (int) read.number("tijarat.sms.per-phone-per-day", 10, 1, 1_000, "a whole number from 1 to 1000");
        smsPerDay = (int) read.number("tijarat.sms.per-day", 2_000, 1, 10_000_000, "a whole number from 1 to 10000000");
        notificationsWhatsapp = read.bool("tijarat.notifications.whatsapp", false);
        whatsappPerPhonePerDay = (int) read.number("tijarat.whatsapp.per-phone-per-day", 10, 1, 1_000,
                "a whole number from 1 to 1000");
        whatsappPerDay = (int) read.number("tijarat.whatsapp.per-day", 2_000, 1, 10_000_000,
                "a whole number from 1 to 10000000");
        merchantEmail = read.email("tijarat.notifications.merchant-email");
        pluginMaxResponseBytes = read.number("tijarat.plugins.max-response-bytes", 2L * 1024 * 1024, 1024,
                256L * 1024 * 1024, "a number of bytes from 1024 to 268435456");
        read.done();
    }

    public Mode mode() { return mode; }

    public Duration reconcilerInterval() { return reconcilerInterval; }

    /** An attempt this young is left to its checkout. */
    public Duration reconcilerInFlight() { return reconcilerInFlight; }

    /** How long an order whose payment was declined (or never reached the provider) keeps its stock. */
    public Duration unpaidExpiry() { return unpaidExpiry; }

    /** How often provider events whose asynchronous apply was missed are applied. */
    public Duration eventSweepInterval() { return eventSweepInterval; }

    public Duration outboxInterval() { return outboxInterval; }

    public int outboxMaxAttempts() { return outboxMaxAttempts; }

    public Duration trackingInterval() { return trackingInterval; }

    public Duration trackingMinInterval() { return trackingMinInterval; }

    /** How long after delivery (or return) couriers are asked for a COD parcel's payout. */
    public Duration remittanceWindow() { return remittanceWindow; }

    public Duration idempotencyRetention() { return idempotencyRetention; }

    public Duration idempotencyPurgeInterval() { return idempotencyPurgeInterval; }

    public Duration webhooksInterval() { return webhooksInterval; }

    public int webhooksDisableAfterFailures() { return webhooksDisableAfterFailures; }

    public long webhooksRetryScale() { return webhooksRetryScale; }

    /** How long a webhook's previous secret still signs deliveries after a rotation. */
    public Duration webhooksSecretGrace() { return webhooksSecretGrace; }

    /**
     * The keys that encrypt stored secrets ({@code tijarat.secrets.key}, {@code tijarat.secrets.previous-keys});
     * the DEV-ONLY ring in dev and test mode when no key is set. Production refuses to start without a key of its own.
     */
    public SecretBox secretBox() { return secretBox; }

    public int catalogCacheSeconds() { return catalogCacheSeconds; }

    public double callbackRatePerSecond() { return callbackRatePerSecond; }

    public int callbackBurst() { return callbackBurst; }

    /** Reverse proxies whose forwarding headers name the client ({@code tijarat.http.trusted-proxies}). */
    public TrustedProxies trustedProxies() { return trustedProxies; }

    /** How many client keys each rate limiter remembers; the least recently seen are forgotten first. */
    public int rateLimitMaxKeys() { return rateLimitMaxKeys; }

    public double checkoutPerAddressPerMinute() { return checkoutPerAddressPerMinute; }

    public int checkoutPerAddressBurst() { return checkoutPerAddressBurst; }

    public double checkoutPerPhonePerMinute() { return checkoutPerPhonePerMinute; }

    public int checkoutPerPhoneBurst() { return checkoutPerPhoneBurst; }

    /** How long a cash-on-delivery order waits for the customer's confirmation before its stock is released (0: forever). */
    public Duration codConfirmWithin() { return codConfirmWithin; }
    /** {@code tijarat.cod.confirm-by-reply}: COD customers are asked by SMS to reply 1 (confirm) or 2 (cancel). */
    public boolean codConfirmByReply() { return codConfirmByReply; }
    /** {@code tijarat.cod.reply-within-hours}: after this long without a reply, staff are asked to call. */
    public Duration codReplyWithin() { return codReplyWithin; }

    public Duration codReleaseInterval() { return codReleaseInterval; }

    /** The first wait between two inquiries confirming unsigned reports about one attempt; it doubles, up to 30 minutes. */
    public Duration eventConfirmBackoff() { return eventConfirmBackoff; }

    public Optional<String> publicUrl() { return publicUrl; }

    public Optional<String> storefrontReturnUrl() { return storefrontReturnUrl; }

    public boolean demoCatalog() { return demoCatalog; }

    /** Also text customers (needs an SMS plugin). */
    public boolean notificationsSms() { return notificationsSms; }

    /** The most parts one SMS may take; a longer text goes out in another language that fits, or is parked. */
    public int smsMaxParts() { return smsMaxParts; }

    /** What the shop pays its gateway per SMS part, in paisa (0: not configured), for the cost shown to admins. */
    public long smsPricePerPart() { return smsPricePerPart; }

    /** SMS to one phone number per Pakistan day; beyond it messages are parked and the admin sees why. */
    public int smsPerPhonePerDay() { return smsPerPhonePerDay; }

    /** SMS the shop sends per Pakistan day; beyond it messages are parked and the admin sees why. */
    public int smsPerDay() { return smsPerDay; }
    /** {@code tijarat.notifications.whatsapp}: customers hear by WhatsApp (approved templates), SMS when it fails. */
    public boolean notificationsWhatsapp() { return notificationsWhatsapp; }
    public int whatsappPerPhonePerDay() { return whatsappPerPhonePerDay; }
    public int whatsappPerDay() { return whatsappPerDay; }

    /** Where the shop hears of new and paid orders. */
    public Optional<String> merchantEmail() { return merchantEmail; }

    /** The largest gateway response body a plugin may read (a provider's own max-response-bytes overrides it). */
    public long pluginMaxResponseBytes() { return pluginMaxResponseBytes; }

    /** Reads typed values and collects every problem, so one start names them all. */
    private static final class Reader {
        private final Function<String, Optional<String>> source;
        private final List<String> problems = new ArrayList<>();
        private boolean modeInvalid;

        Reader(Function<String, Optional<String>> source) {
            this.source = source;
        }

        Mode mode() {
            try {
                return Mode.parse(raw(Mode.KEY));
            } catch (InvalidSettingsException e) {
                problems.addAll(e.problems());
                modeInvalid = true;
                return Mode.PRODUCTION;
            }
        }

        Duration seconds(String key, long defaultValue, long min) {
            return Duration.ofSeconds(number(key, defaultValue, min, 31L * 24 * 3600,
                    "a whole number of seconds" + (min == 0 ? " (0 switches it off)" : ", at least " + min)));
        }

        long number(String key, long defaultValue, long min, long max, String expected) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                long parsed = Long.parseLong(value.get().trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(InvalidSettingsException.problem(key, value.get(), expected));
            return defaultValue;
        }

        double decimal(String key, double defaultValue) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                double parsed = Double.parseDouble(value.get().trim());
                if (parsed > 0 && parsed <= 100_000) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(InvalidSettingsException.problem(key, value.get(), "a number above 0, e.g. 20 or 0.5"));
            return defaultValue;
        }

        boolean bool(String key, boolean defaultValue) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            switch (value.get().trim().toLowerCase(Locale.ROOT)) {
                case "true" -> { return true; }
                case "false" -> { return false; }
                default -> {
                    problems.add(InvalidSettingsException.problem(key, value.get(), "true or false"));
                    return defaultValue;
                }
            }
        }

        Optional<String> url(String key) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            try {
                // {placeholders} are allowed in templates such as the storefront return URL
                URI uri = URI.create(value.get().trim().replaceAll("\\{[a-zA-Z]+}", "x"));
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(value.get().trim());
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            problems.add(InvalidSettingsException.problem(key, value.get(), "an absolute http(s) URL such as https://shop.example.pk"));
            return Optional.empty();
        }

        TrustedProxies proxies(String key) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return TrustedProxies.none();
            }
            try {
                return TrustedProxies.parse(value.get());
            } catch (IllegalArgumentException e) {
                problems.add(InvalidSettingsException.problem(key, value.get(),
                        "a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.0/8,127.0.0.1 (" + e.getMessage() + ")"));
                return TrustedProxies.none();
            }
        }

        Optional<String> email(String key) {
            Optional<String> value = raw(key).map(String::trim);
            if (value.isPresent() && !value.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(InvalidSettingsException.problem(key, value.get(), "an e-mail address such as orders@shop.example.pk"));
                return Optional.empty();
            }
            return value;
        }

        SecretBox secretBox(Mode mode) {
            Optional<String> current = raw("tijarat.secrets.key");
            Optional<String> previous = raw("tijarat.secrets.previous-keys");
            if (current.isEmpty()) {
                if (mode.allowsShortcuts() || modeInvalid) {
                    return SecretBox.dev(); // an invalid mode already stops the start; no second message about it
                }
                problems.add("tijarat.secrets.key must be set in " + mode + " mode: the key that encrypts stored secrets,"
                        + " as <key id>:<Base64 of 32 random bytes>, e.g. k1:$(openssl rand -base64 32), given in the"
                        + " environment (TIJARAT_SECRETS_KEY) or the external properties file (README: Configuration),"
                        + " or set tijarat.mode=dev for local development");
                return SecretBox.dev();
            }
            try {
                SecretBox box = SecretBox.parse(current.get(), previous.orElse(""));
                if (!mode.allowsShortcuts() && box.holdsDevKey()) {
                    problems.add("tijarat.secrets.key and tijarat.secrets.previous-keys must not hold the DEV-ONLY key"
                            + " (id '" + SecretBox.DEV_KEY_ID + "') in " + mode + " mode: generate a key of your own");
                }
                return box;
            } catch (IllegalArgumentException e) {
                // the message names the form expected; the value itself is a secret and is not repeated
                problems.add("tijarat.secrets.key / tijarat.secrets.previous-keys must be " + e.getMessage());
                return SecretBox.dev();
            }
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new InvalidSettingsException(problems);
            }
        }

        private Optional<String> raw(String key) {
            return source.apply(key).filter(v -> !v.isBlank());
        }
    }
}
