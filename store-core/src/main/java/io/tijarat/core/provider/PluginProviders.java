package io.tijarat.core.provider;

import io.tijarat.core.plugin.PluginDirectoryWatcher;
import io.tijarat.core.plugin.PluginEntry;
import io.tijarat.core.plugin.PluginHostSettings;
import io.tijarat.core.plugin.PluginRegistry;
import io.tijarat.core.plugin.ProviderLease;
import io.tijarat.core.plugin.ProviderType;
import io.tijarat.core.plugin.context.ProviderContextFactory;
import io.tijarat.core.provider.guard.GuardedNotification;
import io.tijarat.core.provider.guard.GuardedPayment;
import io.tijarat.core.provider.guard.FaultToleranceSettings;
import io.tijarat.core.provider.guard.GuardedShipping;
import io.tijarat.core.provider.guard.GuardedVerification;
import io.tijarat.core.provider.guard.OperationLimits;
import io.tijarat.core.provider.guard.ProviderGuards;
import io.tijarat.core.provider.guard.ProviderMetrics;
import io.tijarat.core.provider.guard.UnknownOutcome;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.SendOutcome;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RemittanceRecord;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The plugin host inside the server: loads the plugin directory at start-up (the web module's start-up
 * listener touches this bean, so the first checkout does not pay for it), watches it for jars being
 * added, replaced or removed, and serves the core's provider ports. Every call leases the provider (so a
 * replaced jar finishes its calls in flight on the old version), goes through the provider's own fault
 * tolerance, and is counted in the per-provider metrics. What a provider's failure means for the caller
 * is decided here, once: "certainly not sent" becomes {@link ProviderUnavailableException}, "maybe sent"
 * becomes {@link PaymentOutcome.Unknown}.
 */
@ApplicationScoped
public class PluginProviders implements PaymentProviders, ShippingProviders, NotificationProviders {

    private static final Logger LOG = Logger.getLogger(PluginProviders.class.getName());

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Inject
    ProviderGuards guards;

    @Inject
    ProviderMetrics metrics;

    @Inject
    ProviderSwitches switches;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private PluginRegistry registry;
    /** Every plugin exception the core logs or wraps goes through the host's redaction: see {@link PluginFailures}. */
    private final PluginFailures failures = new PluginFailures(LOG, () -> registry == null
            ? io.tijarat.core.plugin.context.Redactor.PERSONAL_DATA : registry.redactor());
    private PluginDirectoryWatcher watcher;
    /** The guarded wrapper of each provider id's current instance; a replaced instance is dropped with it. */
    private final Map<String, Guarded> guarded = new ConcurrentHashMap<>();

    private record Guarded(Object provider, Object wrapper) {
    }
    private final Map<String, Instant> breakerOpenSeen = new ConcurrentHashMap<>();

    @Inject
    io.tijarat.core.config.TijaratSettings tijaratSettings;

    @PostConstruct
    void start() {
        Path directory = Path.of(setting("tijarat.plugins.dir").orElse("plugins")).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the plugin directory " + directory
                    + " (tijarat.plugins.dir)", e);
        }
        Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
        var contexts = ProviderContextFactory.builder(lookup)
                .clock(clock)
                .correlationId(CorrelationIds::current)
                .callListener(metrics::recordHttp)
                .allowInsecureLoopback(tijaratSettings.mode().allowsShortcuts())
                .maxResponseBytes(tijaratSettings.pluginMaxResponseBytes())
                .build();
        var settings = PluginHostSettings.builder(directory, contexts);
        setting("tijarat.plugins.allow-list").map(Path::of).ifPresent(settings::allowListFile);
        try {
            switches.disabled().forEach(settings::disabled);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read which providers the operator switched off; starting all of them", e);
        }
        registry = new PluginRegistry(settings.build());
        registry.rescan();
        metrics.labelProvidersWith(this::metricId);

        try {
            long pollMillis = setting("tijarat.plugins.poll-ms").map(Long::parseLong).orElse(30_000L);
            watcher = PluginDirectoryWatcher.start(registry, directory, Duration.ofMillis(pollMillis),
                    Duration.ofMillis(500), threads);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot watch the plugin directory " + directory
                    + "; new jars are picked up only at restart", e);
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        registry.close();
    }

    /** The descriptors of every active provider, of every kind. */
    public List<ProviderDescriptor> allActive() {
        List<ProviderDescriptor> all = new java.util.ArrayList<>(registry.activeDescriptors(ProviderType.PAYMENT));
        all.addAll(registry.activeDescriptors(ProviderType.SHIPPING));
        all.addAll(registry.activeDescriptors(ProviderType.NOTIFICATION));
        return all;
    }

    /** Every jar and provider the host knows of, with its state and reason. */
    public List<PluginEntry> entries() {
        return registry.entries();
    }

    /** The breaker of {@code providerId} was seen open within its delay (FT does not expose its state). */
    public boolean breakerRecentlyOpen(String providerId) {
        Instant seen = breakerOpenSeen.get(providerId);
        return seen != null && seen.isAfter(clock.instant().minusSeconds(30));
    }

    /** Offers the provider again, and remembers it across restarts. */
    public void enable(String providerId, String actor) {
        switches.record(providerId, true, actor);
        registry.enable(providerId);
    }

    /** Stops offering the provider (calls in flight finish), and remembers it across restarts. */
    public void disable(String providerId, String actor) {
        switches.record(providerId, false, actor);
        registry.disable(providerId);
    }

    public void rescan() {
        registry.rescan();
    }

    // --- payment -----------------------------------------------------------------------------------------

    @Override
    public List<ProviderDescriptor> active() {
        return registry.activeDescriptors(ProviderType.PAYMENT);
    }

    @Override
    public Optional<ProviderDescriptor> descriptor(String providerId) {
        return active().stream().filter(d -> d.id().equals(providerId)).findFirst();
    }

    @Override
    public PaymentOutcome start(String providerId, PaymentRequest request) {
        return mutatingCall(providerId, ProviderType.PAYMENT, GuardedPayment.class, "start", p -> p.start(request),
                PaymentOutcome.Unknown::of);
    }

    @Override
    public RefundOutcome refund(String providerId, RefundRequest request) {
        return mutatingCall(providerId, ProviderType.PAYMENT, GuardedPayment.class, "refund", p -> p.refund(request),
                RefundOutcome.Unknown::new);
    }

    @Override
    public RefundOutcome refundStatus(String providerId, RefundRequest request) {
        return mutatingCall(providerId, ProviderType.PAYMENT, GuardedPayment.class, "refund-status",
                p -> p.refundStatus(request), RefundOutcome.Unknown::new);
    }

    @Override
    public InquiryOutcome inquire(String providerId, InquiryRequest request) {
        return mutatingCall(providerId, ProviderType.PAYMENT, GuardedPayment.class, "inquire", p -> p.inquire(request),
                InquiryOutcome.Unknown::new);
    }

    @Override
    public CallbackOutcome verifyCallback(String providerId, CallbackRequest request) {
        return verifyingCall(providerId, ProviderType.PAYMENT, "callback", lease -> guard(providerId, GuardedVerification.class,
                lease).verifyCallback(request), () -> new CallbackOutcome.Rejected("the provider could not verify it"));
    }

    /**
     * A local verification of an inbound request by a plugin: an unavailable provider is the caller's to
     * answer (404), anything else that goes wrong in the plugin is a rejection, never a 500.
     */
    private <R> R verifyingCall(String providerId, ProviderType<?> type, String operation,
                                Function<ProviderLease<?>, R> call, java.util.function.Supplier<R> rejected) {
        long started = System.nanoTime();
        String result = "error";
        try (ProviderLease<?> lease = lease(providerId, type)) {
            R outcome = call.apply(lease);
            result = outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            return outcome;
        } catch (ProviderUnavailableException e) {
            result = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            result = "plugin-error";
            failures.log(Level.WARNING, "Provider " + providerId + " could not verify an inbound request (" + operation
                    + ")", e);
            return rejected.get();
        } finally {
            metrics.record(providerId, operation, result, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public Optional<Timing> timing(String providerId) {
        return registry.acquire(providerId, ProviderType.PAYMENT).map(lease -> {
            try (lease) {
                PaymentProvider p = (PaymentProvider) lease.provider();
                return new Timing(p.firstInquiryAfter(), p.attemptExpiresAfter());
            } catch (RuntimeException e) {
                throw failures.unavailable(providerId, "its timing could not be read", e);
            }
        });
    }

    /**
     * One call into a provider that may change something at the gateway. What failures mean is decided
     * here, once: "certainly
     * not sent" (refused, breaker open, bulkhead full, misconfigured, not installed) throws
     * {@link ProviderUnavailableException}; "maybe sent" (timeout, Unknown, a plugin bug after the request
     * may have gone out) returns {@code unknown}'s outcome, to be settled by inquiry.
     */
    private <G, R> R mutatingCall(String providerId, ProviderType<?> type, Class<G> guardType, String operation,
                                  Function<G, R> call, Function<String, R> unknown) {
        refuseInsideTransaction(providerId, operation);
        long started = System.nanoTime();
        String result = "error";
        try (ProviderLease<?> lease = lease(providerId, type)) {
            R outcome = call.apply(guard(providerId, guardType, lease));
            result = outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            return outcome;
        } catch (UnknownOutcome e) {
            result = "unknown";
            @SuppressWarnings("unchecked")
            R outcome = (R) e.outcome();
            return outcome;
        } catch (TimeoutException e) {
            result = "timeout";
            return unknown.apply("no answer within the time limit; it is being confirmed with the provider");
        } catch (CircuitBreakerOpenException | BulkheadException | TransientProviderException | PermanentProviderException e) {
            result = rejected(providerId, e);
            throw failures.unavailable(providerId, e.getClass().getSimpleName(), e);
        } catch (ProviderUnavailableException e) {
            result = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            result = "plugin-error";
            failures.log(Level.SEVERE, "Provider " + providerId + " failed unexpectedly in " + operation, e);
            return unknown.apply("the provider failed unexpectedly: " + e.getClass().getSimpleName());
        } finally {
            metrics.record(providerId, operation, result, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    // --- shipping ----------------------------------------------------------------------------------------

    @Override
    public List<ProviderDescriptor> activeShipping() {
        return registry.activeDescriptors(ProviderType.SHIPPING);
    }

    @Override
    public List<RateQuote> quotes(String providerId, RateRequest request) {
        return readingCall(providerId, "quote", p -> p.quote(request));
    }

    @Override
    public BookingOutcome book(String providerId, ShipmentRequest request) {
        return mutatingCall(providerId, ProviderType.SHIPPING, GuardedShipping.class, "book", p -> p.book(request),
                BookingOutcome.Unknown::new);
    }

    @Override
    public Optional<ShipmentTracking> track(String providerId, String trackingNumber) {
        return readingCall(providerId, "track", p -> p.track(trackingNumber));
    }

    @Override
    public List<RemittanceRecord> remittances(String providerId, List<String> trackingNumbers) {
        return readingCall(providerId, "remittances", p -> p.remittances(trackingNumbers));
    }

    @Override
    public List<RemittanceRecord> remittances(String providerId, java.time.LocalDate from, java.time.LocalDate to) {
        return readingCall(providerId, "remittances", p -> p.remittances(from, to));
    }

    @Override
    public io.tijarat.spi.shipping.ShippingLabel label(String providerId, String trackingNumber) {
        return readingCall(providerId, "label", p -> p.label(trackingNumber));
    }

    @Override
    public io.tijarat.spi.shipping.CancelOutcome cancel(String providerId, io.tijarat.spi.IdempotencyKey key,
                                                        String trackingNumber) {
        return mutatingCall(providerId, ProviderType.SHIPPING, GuardedShipping.class, "cancel",
                p -> p.cancel(key, trackingNumber), io.tijarat.spi.shipping.CancelOutcome.Unknown::new);
    }

    @Override
    public Optional<BookingOutcome.Booked> findBooking(String providerId, ShipmentRequest request) {
        return readingCall(providerId, "findBooking", p -> p.findBooking(request));
    }

    @Override
    public TrackingCallbackOutcome verifyTrackingCallback(String providerId, CallbackRequest request) {
        return verifyingCall(providerId, ProviderType.SHIPPING, "tracking-callback", lease -> {
            if (!lease.descriptor().supports(ShippingCapability.TRACKING_WEBHOOKS)) {
                throw new ProviderUnavailableException(providerId, "does not declare TRACKING_WEBHOOKS", null);
            }
            return guard(providerId, GuardedVerification.class, lease).verifyTrackingCallback(request);
        }, () -> new TrackingCallbackOutcome.Rejected("the provider could not verify it"));
    }

    /** A shipping call that changes nothing: any failure means "ask again later". */
    private <R> R readingCall(String providerId, String operation, Function<GuardedShipping, R> call) {
        return readingCall(providerId, ProviderType.SHIPPING, GuardedShipping.class, operation, call);
    }

    /** A call that changes nothing, to a provider of any kind: any failure means "ask again later". */
    private <G, R> R readingCall(String providerId, ProviderType<?> type, Class<G> guardType, String operation,
                                 Function<G, R> call) {
        refuseInsideTransaction(providerId, operation);
        long started = System.nanoTime();
        String result = "error";
        try (ProviderLease<?> lease = lease(providerId, type)) {
            R answer = call.apply(guard(providerId, guardType, lease));
            result = "ok";
            return answer;
        } catch (ProviderUnavailableException e) {
            result = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            result = rejected(providerId, e);
            throw failures.unavailable(providerId, e.getClass().getSimpleName(), e);
        } finally {
            metrics.record(providerId, operation, result, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    // --- notification ------------------------------------------------------------------------------------

    @Override
    public Optional<String> providerFor(Channel channel) {
        Optional<String> configured = setting("tijarat.notifications." + channel.name().toLowerCase(Locale.ROOT) + ".provider");
        if (configured.isPresent()) {
            return configured;
        }
        NotificationCapability needed = switch (channel) {
            case EMAIL -> NotificationCapability.EMAIL;
            case WHATSAPP -> NotificationCapability.WHATSAPP;
            default -> NotificationCapability.SMS;
        };
        return registry.activeDescriptors(ProviderType.NOTIFICATION).stream()
                .filter(d -> d.supports(needed)).map(ProviderDescriptor::id).sorted().findFirst();
    }

    @Override
    public Optional<io.tijarat.spi.notification.DeliveryReport> deliveryStatus(String providerId, String gatewayMessageId) {
        return readingCall(providerId, ProviderType.NOTIFICATION, GuardedNotification.class, "deliveryStatus",
                p -> p.deliveryStatus(gatewayMessageId));
    }

    @Override
    public boolean supports(String providerId, NotificationCapability capability) {
        return registry.activeDescriptors(ProviderType.NOTIFICATION).stream()
                .anyMatch(d -> d.id().equals(providerId) && d.supports(capability));
    }

    @Override
    public boolean takesInbound(String providerId) {
        return registry.activeDescriptors(ProviderType.NOTIFICATION).stream()
                .anyMatch(d -> d.id().equals(providerId) && (d.supports(NotificationCapability.INBOUND_MESSAGES)
                        || d.supports(NotificationCapability.DELIVERY_WEBHOOKS)));
    }

    @Override
    public io.tijarat.spi.notification.InboundOutcome verifyInbound(String providerId, CallbackRequest request) {
        return verifyingCall(providerId, ProviderType.NOTIFICATION, "inbound", lease -> {
            if (!lease.descriptor().supports(NotificationCapability.INBOUND_MESSAGES)
                    && !lease.descriptor().supports(NotificationCapability.DELIVERY_WEBHOOKS)) {
                throw new ProviderUnavailableException(providerId, "takes no inbound messages", null);
            }
            return guard(providerId, GuardedVerification.class, lease).verifyInbound(request);
        }, () -> new io.tijarat.spi.notification.InboundOutcome.Rejected("the provider could not verify it"));
    }

    @Override
    public SendOutcome send(String providerId, MessageRequest request) {
        return mutatingCall(providerId, ProviderType.NOTIFICATION, GuardedNotification.class, "send",
                p -> p.send(request), SendOutcome.Unknown::new);
    }

    // --- internals ---------------------------------------------------------------------------------------

    /**
     * The provider id as metrics and call statistics may carry it: the id of a plugin in the directory, or
     * {@value #UNKNOWN_PROVIDER} for anything else. Ids arrive in URLs ({@code /api/webhooks/<id>}); taken as
     * they come, made-up ids would each add a series to {@code /metrics}, without limit.
     */
    public String metricId(String providerId) {
        return registry.entries().stream().anyMatch(e -> e.providerId().filter(providerId::equals).isPresent())
                ? providerId : UNKNOWN_PROVIDER;
    }

    /** The one label every id that is not an installed provider's shares. */
    public static final String UNKNOWN_PROVIDER = "unknown";

    private <P> ProviderLease<P> lease(String providerId, ProviderType<P> type) {
        return registry.acquire(providerId, type).orElseThrow(() ->
                new ProviderUnavailableException(providerId, "no active " + type + " provider with this id", null));
    }

    private <G> G guard(String providerId, Class<G> guardType, ProviderLease<?> lease) {
        Object provider = lease.provider();
        Guarded current = guarded.compute(providerId + "/" + guardType.getSimpleName(), (key, existing) ->
                existing != null && existing.provider() == provider ? existing
                        : new Guarded(provider, guards.guard(providerId, guardType, provider,
                                limits(lease.descriptor(), guardType))));
        return guardType.cast(current.wrapper());
    }

    /** The provider's fault-tolerance values for each method of {@code guardType}, read now. */
    private Map<String, OperationLimits> limits(ProviderDescriptor descriptor, Class<?> guardType) {
        String prefix = "tijarat.provider." + descriptor.id() + ".ft.";
        List<String> present = new java.util.ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                present.add(name);
            }
        }
        List<String> operations = java.util.Arrays.stream(guardType.getMethods()).map(java.lang.reflect.Method::getName)
                .distinct().toList();
        return new FaultToleranceSettings(this::setting).resolve(descriptor, operations, present);
    }

    /**
     * Rule 3, enforced: a provider call never runs inside a database transaction, which would hold its row
     * locks through a gateway's wait (a wallet charge waits up to a minute for the customer's PIN).
     */
    private void refuseInsideTransaction(String providerId, String operation) {
        NoTransaction.check(transactions, providerId, operation);
    }

    private String rejected(String providerId, RuntimeException e) {
        if (e instanceof CircuitBreakerOpenException) {
            breakerOpenSeen.put(providerId, clock.instant());
            return "breaker-open";
        }
        if (e instanceof BulkheadException) {
            return "bulkhead-full";
        }
        if (e instanceof PermanentProviderException) {
            failures.log(Level.SEVERE, "Provider " + providerId + " is misconfigured: " + e.getMessage(), null);
            return "misconfigured";
        }
        return e instanceof TransientProviderException ? "transient" : "plugin-error";
    }

    private Optional<String> setting(String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }
}
