package io.tijarat.core.plugin.context;

import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the {@link ProviderContext} for each {@code ProviderFactory.create} call from what the core
 * supplies: a configuration lookup, a clock, the current correlation id, a metrics listener and the
 * HTTP settings. All providers share one {@link HttpClient} (one connection pool and selector thread);
 * each gets its own configuration slice, logger and {@code ProviderHttp}.
 *
 * <p>Build one with {@link #builder(Function)}; immutable and thread-safe.
 */
public final class ProviderContextFactory {

    /** The largest response body a provider may read unless configured otherwise: 2 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 2L * 1024 * 1024;
    /** The bounds of {@code max-response-bytes}: 1 KiB to 256 MiB. */
    static final long MIN_RESPONSE_BYTES = 1024;
    static final long MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    private final Function<String, Optional<String>> configLookup;
    private final Clock clock;
    private final Supplier<Optional<String>> correlationId;
    private final ProviderCallListener callListener;
    private final boolean allowInsecureLoopback;
    private final HttpClient httpClient;
    private final long maxResponseBytes;

    private ProviderContextFactory(Builder builder) {
        this.maxResponseBytes = builder.maxResponseBytes;
        this.configLookup = builder.configLookup;
        this.clock = builder.clock;
        this.correlationId = builder.correlationId;
        this.callListener = builder.callListener;
        this.allowInsecureLoopback = builder.allowInsecureLoopback;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(builder.connectTimeout)
                // A payment API that redirects is misconfigured or compromised: hand the 3xx to the plugin.
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: what every gateway and test stub speaks, without h2c upgrade attempts.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @param configLookup the server's configuration by full key, e.g. MicroProfile Config's
     *                     {@code getOptionalValue(key, String.class)}; only
     *                     {@code tijarat.provider.<id>.<declared name>} keys are ever asked for
     */
    public static Builder builder(Function<String, Optional<String>> configLookup) {
        return new Builder(configLookup);
    }

    /** Reads the provider's configuration now: a snapshot for one {@link #create}. */
    public ScopedProviderConfig readConfig(ProviderDescriptor descriptor) {
        return ScopedProviderConfig.read(descriptor, configLookup);
    }

    /**
     * A context for one {@code create} call of the provider described, with this configuration. The
     * HTTP timeout of a request is the operator's {@code tijarat.provider.<id>.timeout-ms} when set (a
     * host setting the plugin does not declare), else the descriptor's default budget.
     */
    public ProviderContext create(ProviderDescriptor descriptor, ScopedProviderConfig config) {
        String id = descriptor.id();
        RedactingProviderLogger logger = new RedactingProviderLogger(id, config.secretValues(), correlationId);
        HostProviderHttp http = new HostProviderHttp(id, requestTimeout(descriptor), httpClient,
                allowInsecureLoopback, correlationId, callListener, maxResponseBytes(descriptor));
        return new HostProviderContext(id, config, clock, logger, http);
    }

    private Duration requestTimeout(ProviderDescriptor descriptor) {
        String key = "tijarat.provider." + descriptor.id() + ".timeout-ms";
        return configLookup.apply(key).filter(v -> !v.isBlank()).map(value -> {
            try {
                long millis = Long.parseLong(value.trim());
                if (millis <= 0 || millis > 300_000) {
                    throw new NumberFormatException();
                }
                return Duration.ofMillis(millis);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number of milliseconds between 1 and 300000, was '"
                        + value + "'");
            }
        }).orElse(descriptor.defaultTimeout());
    }

    /** The operator's {@code tijarat.provider.<id>.max-response-bytes} when set, else the host-wide cap. */
    private long maxResponseBytes(ProviderDescriptor descriptor) {
        String key = "tijarat.provider." + descriptor.id() + ".max-response-bytes";
        return configLookup.apply(key).filter(v -> !v.isBlank()).map(value -> {
            try {
                long bytes = Long.parseLong(value.trim());
                if (bytes < MIN_RESPONSE_BYTES || bytes > MAX_RESPONSE_BYTES) {
                    throw new NumberFormatException();
                }
                return bytes;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number of bytes between " + MIN_RESPONSE_BYTES
                        + " and " + MAX_RESPONSE_BYTES + ", was '" + value + "'");
            }
        }).orElse(maxResponseBytes);
    }

    /** Collects the settings; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final Function<String, Optional<String>> configLookup;
        private Clock clock = Clock.systemUTC();
        private Supplier<Optional<String>> correlationId = Optional::empty;
        private ProviderCallListener callListener = ProviderCallListener.NONE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean allowInsecureLoopback;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(Function<String, Optional<String>> configLookup) {
            this.configLookup = Objects.requireNonNull(configLookup, "configLookup");
        }

        /** Default: {@code Clock.systemUTC()}; in the container, the application's clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The current request's correlation id (e.g. ThreadLocal-backed); default: none. */
        public Builder correlationId(Supplier<Optional<String>> correlationId) {
            this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
            return this;
        }

        /** Default: {@link ProviderCallListener#NONE}. */
        public Builder callListener(ProviderCallListener callListener) {
            this.callListener = Objects.requireNonNull(callListener, "callListener");
            return this;
        }

        /** Default: 10 seconds; must be positive. */
        public Builder connectTimeout(Duration connectTimeout) {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be > 0, was " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Whether providers may use plain {@code http} to loopback hosts (localhost, 127.x.x.x, [::1]):
         * for tests against local stubs only. Default: false.
         */
        public Builder allowInsecureLoopback(boolean allowInsecureLoopback) {
            this.allowInsecureLoopback = allowInsecureLoopback;
            return this;
        }

        /**
         * The largest response body any provider may read (a provider's own
         * {@code tijarat.provider.<id>.max-response-bytes} overrides it). Default: 2 MiB; 1 KiB to 256 MiB.
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes < MIN_RESPONSE_BYTES || maxResponseBytes > MAX_RESPONSE_BYTES) {
                throw new IllegalArgumentException("maxResponseBytes must be between " + MIN_RESPONSE_BYTES + " and "
                        + MAX_RESPONSE_BYTES + ", was " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public ProviderContextFactory build() {
            return new ProviderContextFactory(this);
        }
    }
}
