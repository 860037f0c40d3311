package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each JazzCash operation is posted, below {@code base-url}: a profile per kind of host, and a
 * per-operation override ({@code path.<operation>}) for what a merchant's onboarding documents say.
 *
 * <p>Two profiles:
 * <ul>
 *   <li>{@link Profile#APPLICATION_API} — the sandbox ({@code sandbox.jazzcash.com.pk}) and the documented
 *       production host ({@code payments.jazzcash.com.pk}) serve the same {@code /ApplicationAPI/…} paths
 *       (JazzCash's sandbox documentation; public SDKs switch only the host, e.g.
 *       https://github.com/MasoodRehman/jazzcash-client-php: "Replace sandbox with payments for production").</li>
 *   <li>{@link Profile#PGW} — the newer live host {@code pgw.jazzcash.com.pk} serves other paths. Public
 *       integrations against it (2025–2026 shop configurations and plugins found with a code search) use
 *       {@code /api/payment/DoTransaction} for the v1.1 transaction (four independent sources),
 *       {@code /ApplicationAPI/API/PaymentInquiry/Inquire} for the status inquiry (three),
 *       {@code /CustomerPortal/transactionmanagement/merchantform/} for the hosted page, and one source each
 *       {@code /api/2.0/purchase/domwallettransaction} (wallet v2.0) and
 *       {@code /api/Purchase/domwalletrefundtransaction} (wallet refund): those two are leads, not facts, and no
 *       public source shows the card refund on this host, so its ApplicationAPI path is kept. Check each against
 *       the documents JazzCash gives the merchant, and override with {@code path.<operation>}.</li>
 * </ul>
 * The profile is {@code endpoints} when set, else {@code pgw} for the pgw host and {@code application-api} for any
 * other. Immutable.
 */
record Endpoints(Profile profile, Map<Operation, String> paths) {

    static final String PROFILE = "endpoints";
    static final String PATH_PREFIX = "path.";

    private static final String PGW_HOST = "pgw.jazzcash.com.pk";
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    /** The operations JazzCash serves on paths of their own. */
    enum Operation {
        WALLET("wallet", "/ApplicationAPI/API/2.0/Purchase/DoMWalletTransaction", "/api/2.0/purchase/domwallettransaction"),
        VOUCHER("voucher", "/ApplicationAPI/API/Payment/DoTransaction", "/api/payment/DoTransaction"),
        INQUIRY("inquiry", "/ApplicationAPI/API/PaymentInquiry/Inquire", "/ApplicationAPI/API/PaymentInquiry/Inquire"),
        WALLET_REFUND("wallet-refund", "/ApplicationAPI/API/Purchase/domwalletrefundtransaction",
                "/api/Purchase/domwalletrefundtransaction"),
        CARD_REFUND("card-refund", "/ApplicationAPI/API/authorize/Refund", "/ApplicationAPI/API/authorize/Refund"),
        HOSTED_CHECKOUT("hosted-checkout", "/CustomerPortal/transactionmanagement/merchantform/",
                "/CustomerPortal/transactionmanagement/merchantform/");

        final String key;
        final String applicationApiPath;
        final String pgwPath;

        Operation(String key, String applicationApiPath, String pgwPath) {
            this.key = key;
            this.applicationApiPath = applicationApiPath;
            this.pgwPath = pgwPath;
        }

        /** The property that overrides this operation's path: {@code path.wallet}, … */
        String property() {
            return PATH_PREFIX + key;
        }
    }

    /** A kind of host, with its default paths. */
    enum Profile {
        APPLICATION_API("application-api"), PGW("pgw");

        final String value;

        Profile(String value) {
            this.value = value;
        }

        /** What {@code endpoints} may be set to: its declared type lists these. */
        static String[] settings() {
            return Arrays.stream(values()).map(profile -> profile.value).toArray(String[]::new);
        }

        String defaultPath(Operation operation) {
            return this == PGW ? operation.pgwPath : operation.applicationApiPath;
        }
    }

    Endpoints {
        paths = Map.copyOf(paths);
    }

    /** @throws PermanentProviderException naming the full key of a bad path */
    static Endpoints from(ProviderConfig config, URI baseUrl) {
        Profile profile = config.get(PROFILE).map(Endpoints::profile)
                .orElse(PGW_HOST.equalsIgnoreCase(baseUrl.getHost()) ? Profile.PGW : Profile.APPLICATION_API);
        Map<Operation, String> paths = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            Optional<String> override = config.get(operation.property()).map(String::strip).filter(v -> !v.isEmpty());
            if (override.isPresent() && !PATH.matcher(override.get()).matches() || override.filter(p -> p.contains("..")).isPresent()) {
                throw new PermanentProviderException(config.keyFor(operation.property()) + " must be a path starting"
                        + " with '/', without query, fragment or '..', e.g. " + profile.defaultPath(operation));
            }
            paths.put(operation, override.orElse(profile.defaultPath(operation)));
        }
        return new Endpoints(profile, paths);
    }

    /** {@code text} is one of {@link Profile#settings()}, in any case: the core checked the declared type. */
    private static Profile profile(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(Profile.values()).filter(profile -> profile.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a profile: " + value));
    }

    String path(Operation operation) {
        return paths.get(operation);
    }
}
