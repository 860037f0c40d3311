package io.tijarat.core.outbox;

import io.tijarat.core.provider.NotificationProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers outbox messages through the notification providers: accepted → SENT; refused for good →
 * PARKED (admins see it); "maybe delivered" → UNCERTAIN, never sent again automatically; no provider or
 * no answer → retried with exponential backoff and jitter (30 s, 1 min, 2 min … capped at 1 h), PARKED
 * after the last attempt. Each message carries its id as the event id the provider may use to drop
 * duplicates.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxStore store;

    @Inject
    NotificationProviders providers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tijarat.outbox.interval-seconds", defaultValue = "5")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "tijarat.outbox.max-attempts", defaultValue = "10")
    int maxAttempts;

    private ScheduledFuture<?> task;

    /** What one pass did. */
    public record Run(int sent, int retrying, int parked, int uncertain) {
    }

    public synchronized void start() {
        if (task == null && intervalSeconds > 0) {
            task = scheduler.scheduleWithFixedDelay(this::runQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    public Run runOnce() {
        int sent = 0;
        int retrying = 0;
        int parked = 0;
        int uncertain = 0;
        for (OutboxMessage m : store.claim(10)) {
            Optional<String> provider = providers.providerFor(m.channel());
            if (provider.isEmpty()) {
                if (retryLater(m, "no active notification provider for " + m.channel())) parked++; else retrying++;
                continue;
            }
            try {
                SendOutcome outcome = providers.send(provider.get(), request(m));
                if (outcome instanceof SendOutcome.Accepted accepted) {
                    store.sent(m.id(), provider.get(), accepted.gatewayMessageId());
                    sent++;
                } else if (outcome instanceof SendOutcome.Rejected rejected) {
                    store.failed(m.id(), rejected.code() + ": " + rejected.reason(), clock.instant(), true);
                    parked++;
                } else {
                    store.uncertain(m.id(), provider.get(), ((SendOutcome.Unknown) outcome).detail());
                    uncertain++;
                }
            } catch (ProviderUnavailableException | IllegalArgumentException e) {
                if (retryLater(m, e.getMessage())) parked++; else retrying++;
            }
        }
        return new Run(sent, retrying, parked, uncertain);
    }

    /** Schedules the next attempt; returns true when this was the last one and the message is parked. */
    private boolean retryLater(OutboxMessage m, String error) {
        int attempt = m.attempts() + 1;
        boolean park = attempt >= maxAttempts;
        store.failed(m.id(), error, clock.instant().plus(backoff(attempt)), park);
        return park;
    }

    /** 30 s × 2^(attempt−1), capped at an hour, ±20 % jitter so retries from many messages spread out. */
    static Duration backoff(int attempt) {
        long base = Math.min(3_600_000L, 30_000L << Math.min(20, Math.max(0, attempt - 1)));
        long jitter = (long) (base * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(base + jitter);
    }

    private static MessageRequest request(OutboxMessage m) {
        Recipient to = m.channel() == Channel.EMAIL ? new Recipient.Email(EmailAddress.of(m.recipient()))
                : new Recipient.Phone(PhoneNumber.of(m.recipient()));
        MessageContent content = m.channel() == Channel.EMAIL ? MessageContent.email(m.subject(), m.body())
                : MessageContent.sms(m.body());
        return new MessageRequest(IdempotencyKey.of(m.id()), m.channel(), to, MessageCategory.TRANSACTIONAL, content);
    }

    private void runQuietly() {
        try {
            Run run = runOnce();
            if (run.sent() + run.retrying() + run.parked() + run.uncertain() > 0) {
                LOG.info(() -> "Outbox relay: " + run);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox relay run failed; it runs again in " + intervalSeconds + " s", e);
        }
    }

}
