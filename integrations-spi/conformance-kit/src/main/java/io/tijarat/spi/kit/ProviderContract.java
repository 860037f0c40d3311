package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.Capability;
import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderFactory;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.SpiVersion;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider plugin must do, whatever its kind: be found by {@link ServiceLoader} in its own
 * jar, load with nothing but the JDK and the SPI, describe itself constantly under its stable id,
 * declare a compatible SPI version, implement what it declares, fail fast and clearly on missing
 * configuration, and never show a secret.
 *
 * <p>Extend {@link PaymentProviderContract}, {@link ShippingProviderContract} or
 * {@link NotificationProviderContract}, not this class. Each test method gets a fresh factory, a fresh
 * stub (for plugins that {@link #talksToGateway() talk to a gateway}) and fresh contexts; nothing is
 * shared between tests. After every test, the logs of every provider the test created are checked
 * for secret values.
 *
 * @param <F> the factory type
 * @param <P> the provider type
 */
public abstract class ProviderContract<F extends ProviderFactory<P>, P> {

    /** The call budget in the timeout cases: the stub answers well after it. */
    static final Duration SHORT_BUDGET = Duration.ofMillis(500);
    /** How late the stub answers in the timeout cases. */
    static final Duration LATE = Duration.ofMillis(1_500);

    private final String canary = UUID.randomUUID().toString().substring(0, 8);
    private final List<TestProviderContext> contexts = new CopyOnWriteArrayList<>();
    private F factory;
    private GatewayStub gateway;
    private P provider;
    private TestProviderContext context;

    ProviderContract() {
        // Only the three kind contracts in this package extend it.
    }

    // ----------------------------------------------------------------------------------------- hooks

    /** A new factory, made the way the host makes one: through the public no-argument constructor. */
    protected abstract F newFactory();

    /**
     * The provider id, written out literally in the plugin's test ({@code return "cod";}), so that
     * renaming it — which would orphan configuration and stored records — fails a test.
     */
    protected abstract String expectedProviderId();

    /**
     * Whether the provider's calls go to a remote gateway over HTTP. When {@code false} (cash on
     * delivery, a tariff table), every case that needs a stub is skipped, and the "same key, same
     * outcome" cases run instead.
     */
    protected abstract boolean talksToGateway();

    /**
     * Sets the configuration the provider needs beyond its defaults (required properties). Secrets left
     * unset here are filled with a canary value (see {@link #secretFor}). Does nothing by default.
     */
    protected void configure(TestProviderContext.Builder context) {
    }

    /**
     * Points the provider at the stub, typically by setting its base-URL property to
     * {@code gatewayBaseUrl}. Needed when {@link #talksToGateway()}.
     */
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        throw missingHook("pointAtGateway(TestProviderContext.Builder, URI)");
    }

    /**
     * The idempotency reference the plugin put in one request it sent to the gateway: the merchant
     * reference field, the order reference, or the {@code Idempotency-Key} header; {@code null} for a
     * request that carries none (a token request). Needed when {@link #talksToGateway()}.
     */
    protected String referenceSentIn(LoggedRequest request) {
        throw missingHook("referenceSentIn(LoggedRequest)");
    }

    /** The libraries the plugin bundles in its jar, for the isolated class-loading case; none by default. */
    protected List<URL> bundledLibraries() {
        return List.of();
    }

    /**
     * The value the kit sets for a secret property the plugin's test left unset: distinctive, so a leak
     * is easy to spot. Override it if the plugin checks a secret's format (a hex key, a length).
     */
    protected String secretFor(ConfigProperty property) {
        return "kit-canary-" + property.name().replace('.', '-') + "-" + canary;
    }

    // ------------------------------------------------------------------- what each kind contract adds

    abstract Class<? extends ProviderFactory<?>> factoryInterface();

    abstract ProviderKind kind();

    /** The provider interface of this kind, e.g. {@code PaymentProvider}. */
    abstract Class<?> providerInterface();

    /** For each optional capability of this kind, the provider method it unlocks. */
    abstract Map<Capability, Method> optionalOperations();

    /**
     * Whether the provider implements an earlier SPI version's form of the operation {@code capability} unlocks, whose
     * default the current form calls (a 1.2 plugin's {@code findBooking(IdempotencyKey)}); none by default.
     */
    boolean implementsEarlierForm(Class<?> providerClass, Capability capability) throws NoSuchMethodException {
        return false;
    }

    // ------------------------------------------------------------------------- for the kind contracts

    /** This test's factory. */
    protected final F factory() {
        return factory;
    }

    /** This test's provider, created on first use with the default configuration, pointed at the stub. */
    protected final P provider() {
        if (provider == null) {
            provider = newProvider(builder -> { });
            context = contexts.get(contexts.size() - 1);
        }
        return provider;
    }

    /** The context of {@link #provider()}. */
    protected final TestProviderContext context() {
        provider();
        return context;
    }

    /** This test's stub; only for plugins that {@link #talksToGateway() talk to a gateway}. */
    protected final GatewayStub gateway() {
        assumeTrue(talksToGateway(), "the provider calls no gateway");
        return gateway;
    }

    /**
     * A new provider from this test's factory: the plugin's {@link #configure configuration}, canary
     * secrets, pointed at the stub, then {@code adjust}.
     */
    protected final P newProvider(Consumer<TestProviderContext.Builder> adjust) {
        return factory.create(newContext(adjust));
    }

    /** A provider pointed at a port where nothing listens; skips the case for a provider with no gateway. */
    protected final P unreachableProvider() {
        assumeTrue(talksToGateway(), "the provider calls no gateway");
        URI refusing = GatewayStub.refusingUrl();
        return newProvider(builder -> pointAtGateway(builder, refusing));
    }

    /** A new context as {@link #newProvider(Consumer)} uses, tracked for the secret check. */
    protected final TestProviderContext newContext(Consumer<TestProviderContext.Builder> adjust) {
        TestProviderContext created = contextBuilder(adjust).build();
        contexts.add(created);
        return created;
    }

    private TestProviderContext.Builder contextBuilder(Consumer<TestProviderContext.Builder> adjust) {
        TestProviderContext.Builder builder = TestProviderContext.builder(factory.descriptor());
        configure(builder);
        if (talksToGateway()) {
            pointAtGateway(builder, gateway.baseUrl());
        }
        for (ConfigProperty property : factory.descriptor().configProperties()) {
            if (property.secret() && !builder.isSet(property.name())) {
                builder.property(property.name(), secretFor(property));
            }
        }
        adjust.accept(builder);
        return builder;
    }

    /** Fails if {@code text} contains the value of a secret of any context this test created. */
    protected final void assertNoSecretIn(String text, String where) {
        for (TestProviderContext created : contexts) {
            for (String secret : created.secretValues()) {
                assertFalse(text != null && text.contains(secret), () -> where + " shows the value of a secret property");
            }
        }
    }

    // ---------------------------------------------------------------------------------- lifecycle

    @BeforeEach
    public final void startProviderContract() {
        factory = newFactory();
        assertNotNull(factory, "newFactory() returned null");
        if (talksToGateway()) {
            gateway = GatewayStub.start();
        }
    }

    @AfterEach
    public final void thenNoSecretReachedAnyLog() {
        try {
            for (TestProviderContext created : contexts) {
                for (RecordingLogger.Line line : created.recordingLogger().lines()) {
                    assertNoSecretIn(line.fullText(), "a " + line.level() + " log line");
                }
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            if (factory != null) {
                factory.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------ the cases

    @Test
    public final void givenThePluginClassPath_whenServiceLoaderLooksForFactories_thenItFindsThisOneInThePluginsOwnServicesFile() {
        Class<?> factoryClass = factory.getClass();
        PluginLocation location = PluginLocation.of(factoryClass);

        assertTrue(location.serviceEntries(factoryInterface()).contains(factoryClass.getName()),
                () -> "META-INF/services/" + factoryInterface().getName() + " in " + location + " does not list "
                        + factoryClass.getName());
        assertTrue(ServiceLoader.load(factoryInterface(), factoryClass.getClassLoader()).stream()
                        .anyMatch(candidate -> candidate.type() == factoryClass),
                () -> "ServiceLoader does not find " + factoryClass.getName());
    }

    @Test
    public final void givenAClassLoaderWithOnlyTheJdkAndTheSpi_whenThePluginIsLoaded_thenItDescribesAndCreatesItself()
            throws IOException {
        String factoryName = factory.getClass().getName();
        PluginLocation location = PluginLocation.of(factory.getClass());
        try (URLClassLoader isolated = location.isolatedLoader(bundledLibraries(), ProviderFactory.class.getClassLoader())) {
            ProviderFactory<?> loaded = ServiceLoader.load(factoryInterface(), isolated).stream()
                    .filter(candidate -> candidate.type().getName().equals(factoryName))
                    .findFirst()
                    .orElseGet(() -> fail("ServiceLoader finds no " + factoryName + " in " + location
                            + " with only the JDK and the SPI visible"))
                    .get();

            assertSame(isolated, loaded.getClass().getClassLoader(), "the factory came from the test class path");
            assertEquals(factory.descriptor(), loaded.descriptor());
            Object created = loaded.create(newContext(builder -> { }));
            assertTrue(providerInterface().isInstance(created), () -> "create returned " + created);
        }
    }

    @Test
    public final void givenTheFactory_whenItsDescriptorIsRead_thenItIsConstantAndNamesTheExpectedIdAndKind() {
        ProviderDescriptor descriptor = factory.descriptor();

        assertEquals(expectedProviderId(), descriptor.id(), "the provider id is public and must never change");
        assertEquals(kind(), descriptor.kind());
        assertEquals(descriptor, factory.descriptor(), "descriptor() must return an equal descriptor every time");
        try (F another = newFactory()) {
            assertEquals(descriptor, another.descriptor(), "two factories describe the provider differently");
        }
    }

    @Test
    public final void givenTheProviderId_whenItIsOneTheProjectReserves_thenOnlyTheProjectsOwnPluginUsesIt() {
        String id = factory.descriptor().id();
        boolean projectsOwn = factory.getClass().getName().startsWith("io.tijarat.plugin.");
        assertTrue(projectsOwn || !ProviderDescriptor.isReserved(id), () -> "provider id '" + id + "' is reserved"
                + " for the project's own plugin (configuration keys and stored records carry the id, so yours would"
                + " take over its settings and history): choose a distinct id such as 'acme-" + id + "'");
    }

    @Test
    public final void givenTheDeclaredTypes_whenTheTestConfigurationIsChecked_thenTheServerWouldAcceptEveryValue() {
        List<String> malformed = contextBuilder(builder -> { }).malformed();

        assertTrue(malformed.isEmpty(), () -> "the server refuses these values before it creates the provider, so"
                + " the provider these tests exercise could never run: " + malformed + "; fix configure() or the"
                + " property's ConfigType");
    }

    @Test
    public final void givenThePluginsManifest_whenItsSpiVersionIsRead_thenThisSpiCanLoadThePlugin() {
        PluginLocation location = PluginLocation.of(factory.getClass());
        Manifest manifest = location.manifest().orElseGet(() -> fail("no " + PluginLocation.MANIFEST + " in "
                + location + ": the plugin must declare " + SpiVersion.MANIFEST_ATTRIBUTE + ". In a Maven build"
                + " the tests run before the jar exists: write the manifest into target/classes (see the kit's"
                + " README)"));

        SpiVersion declared = PluginManifests.declaredSpiVersion(manifest, location.toString());

        assertTrue(SpiVersion.CURRENT.isCompatibleWith(declared), () -> "the plugin declares SPI " + declared
                + ", which an SPI " + SpiVersion.CURRENT + " server refuses");
    }

    @Test
    public final void givenDeclaredCapabilities_whenTheProviderIsInspected_thenItImplementsEveryOperationTheyUnlock()
            throws NoSuchMethodException {
        Class<?> providerClass = provider().getClass();
        for (Capability capability : factory.descriptor().capabilities()) {
            Method operation = optionalOperations().get(capability);
            if (operation != null) {
                Method implementation = providerClass.getMethod(operation.getName(), operation.getParameterTypes());
                boolean implemented = implementation.getDeclaringClass() != operation.getDeclaringClass()
                        || implementsEarlierForm(providerClass, capability);
                assertTrue(implemented, () -> "declares " + capability + " but does not implement "
                        + operation.getName() + ": the core would call it");
            }
        }
    }

    @Test
    public final void givenAMissingRequiredProperty_whenTheProviderIsCreated_thenItFailsPermanentlyNamingTheFullKey() {
        List<ConfigProperty> required = factory.descriptor().configProperties().stream()
                .filter(ConfigProperty::required).toList();
        assumeFalse(required.isEmpty(), "the provider declares no required property");

        for (ConfigProperty property : required) {
            PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                    () -> newProvider(builder -> builder.without(property.name())),
                    () -> "created without " + property.name());
            String key = "tijarat.provider." + expectedProviderId() + "." + property.name();
            assertTrue(failure.getMessage().contains(key), () -> "the message does not name " + key + ": "
                    + failure.getMessage());
        }
    }

    @Test
    public final void givenSecretProperties_whenTheDescriptorFactoryProviderAndConfigArePrinted_thenNoSecretShows() {
        assumeTrue(factory.descriptor().configProperties().stream().anyMatch(ConfigProperty::secret),
                "the provider declares no secret property");

        assertNoSecretIn(factory.descriptor().toString(), "the descriptor's toString()");
        assertNoSecretIn(factory.toString(), "the factory's toString()");
        assertNoSecretIn(provider().toString(), "the provider's toString()");
        assertNoSecretIn(context().config().toString(), "the configuration's toString()");
    }

    @Test
    public final void givenAGateway_whenTheProviderIsCreated_thenItHasNotCalledIt() {
        assumeTrue(talksToGateway(), "the provider calls no gateway");

        provider();

        assertEquals(List.of(), gateway.requests(), "create() must not call the gateway: the server has to start"
                + " while a gateway is down");
    }

    // --------------------------------------------------------------------------------------- helpers

    private UnsupportedOperationException missingHook(String hook) {
        return new UnsupportedOperationException("override " + hook + " in " + getClass().getSimpleName()
                + ": talksToGateway() is true, so the contract needs it");
    }

    /** For the kind contracts' hooks that have no sensible default. */
    final UnsupportedOperationException missingGatewayHook(String hook) {
        return missingHook(hook);
    }
}
