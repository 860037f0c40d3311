package io.tijarat.spi.kit;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderLogger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ProviderContext} for tests, standing in for what the core hands a provider:
 * <ul>
 *   <li>configuration from a map, restricted to {@code tijarat.provider.<id>.} and to the names the
 *       descriptor declares, with declared defaults applied;</li>
 *   <li>a {@link TestClock} the test moves;</li>
 *   <li>a {@link RecordingLogger} the test reads;</li>
 *   <li>an HTTP client over {@code java.net.http} with timeouts and no redirects, that reaches only
 *       {@code 127.0.0.1} (plain HTTP is allowed there, for stubs).</li>
 * </ul>
 *
 * <pre>{@code
 * TestProviderContext context = TestProviderContext.builder(factory.descriptor())
 *         .property("max-amount", "100000")
 *         .build();
 * PaymentProvider provider = factory.create(context);
 * }</pre>
 *
 * Immutable once built, and thread-safe (the clock and the logger are shared, thread-safe state).
 */
public final class TestProviderContext implements ProviderContext {

    /** Loopback answers at once: a stub that does not accept within this is not there. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Generous for a stub on a busy build machine, short enough to keep a hung test cheap. */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private final ProviderDescriptor descriptor;
    private final TestProviderConfig config;
    private final Map<String, String> values;
    private final TestClock clock;
    private final RecordingLogger logger;
    private final ProviderHttp http;

    private TestProviderContext(Builder builder) {
        this.descriptor = builder.descriptor;
        this.values = Map.copyOf(builder.values);
        this.config = new TestProviderConfig(descriptor, values);
        this.clock = builder.clock;
        this.logger = new RecordingLogger();
        this.http = new LoopbackHttp(builder.connectTimeout, builder.responseTimeout);
    }

    /** Starts a context for the provider {@code descriptor} describes, with no property set. */
    public static Builder builder(ProviderDescriptor descriptor) {
        return new Builder(descriptor);
    }

    @Override
    public String providerId() {
        return descriptor.id();
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ProviderLogger logger() {
        return logger;
    }

    @Override
    public ProviderHttp httpClient() {
        return http;
    }

    /** The same clock as {@link #clock()}, typed so the test can move it. */
    public TestClock testClock() {
        return clock;
    }

    /** The same logger as {@link #logger()}, typed so the test can read it. */
    public RecordingLogger recordingLogger() {
        return logger;
    }

    /** The values of the secret properties that are set: what must never appear in a log or a toString. */
    public Set<String> secretValues() {
        return descriptor.configProperties().stream()
                .filter(ConfigProperty::secret)
                .map(property -> values.get(property.name()))
                .filter(value -> value != null && !value.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "TestProviderContext[" + descriptor.id() + ", " + config + "]";
    }

    /**
     * Collects a context's configuration. Setting a name the descriptor does not declare fails at once,
     * so a typo in a test cannot silently test the default instead. Not thread-safe.
     */
    public static final class Builder {
        private final ProviderDescriptor descriptor;
        private final Map<String, String> values = new LinkedHashMap<>();
        private TestClock clock = TestClock.standard();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

        private Builder(ProviderDescriptor descriptor) {
            this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        }

        /** The descriptor this context is for. */
        public ProviderDescriptor descriptor() {
            return descriptor;
        }

        /**
         * Sets a property by its name relative to the provider, e.g. {@code merchant-id}.
         *
         * @throws IllegalArgumentException if the descriptor does not declare {@code name}
         */
        public Builder property(String name, String value) {
            requireDeclared(name);
            values.put(name, Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /**
         * Sets properties the way an operator writes them, by full key. Keys outside
         * {@code tijarat.provider.<id>.} (the server's, another provider's) are ignored, as the core
         * hides them from the plugin.
         *
         * @throws IllegalArgumentException if a key in this provider's namespace names an undeclared
         *                                  property
         */
        public Builder operatorProperties(Map<String, String> fullKeys) {
            String namespace = TestProviderConfig.namespace(descriptor.id());
            fullKeys.forEach((key, value) -> {
                if (key.startsWith(namespace)) {
                    property(key.substring(namespace.length()), value);
                }
            });
            return this;
        }

        /** Unsets a property, so its default (or nothing) applies. */
        public Builder without(String name) {
            requireDeclared(name);
            values.remove(name);
            return this;
        }

        /** Whether a property has been set. */
        public boolean isSet(String name) {
            return values.containsKey(name);
        }

        public Builder clock(TestClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long the HTTP client waits to connect. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * The longest any response may take, standing in for the core's call budget: a request's own
         * timeout is cut down to it.
         */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = positive(responseTimeout, "responseTimeout");
            return this;
        }

        /**
         * Every set value that does not have the form its property declares ({@link ConfigProperty#type()}),
         * as {@code "<name>: <problem>"}: values the server refuses before it creates the provider.
         */
        public List<String> malformed() {
            List<String> malformed = new ArrayList<>();
            for (ConfigProperty property : descriptor.configProperties()) {
                String value = values.get(property.name());
                if (value != null) {
                    property.type().problem(value).ifPresent(problem -> malformed.add(property.name() + ": " + problem));
                }
            }
            return malformed;
        }

        public TestProviderContext build() {
            return new TestProviderContext(this);
        }

        private void requireDeclared(String name) {
            boolean declared = descriptor.configProperties().stream().anyMatch(p -> p.name().equals(name));
            if (!declared) {
                throw new IllegalArgumentException("provider " + descriptor.id() + " declares no config property '"
                        + name + "'");
            }
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
            return value;
        }
    }
}
