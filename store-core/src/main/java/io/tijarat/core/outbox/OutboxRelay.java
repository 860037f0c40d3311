package io.tijarat.core.outbox;

import io.tijarat.core.provider.NotificationProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Delivers outbox messages through the notification providers: accepted → SENT; refused for good →
 * PARKED (admins see it); "maybe delivered" → UNCERTAIN, never sent again automatically; no provider or
 * no answer → retried with exponential backoff and jitter (30 s, 1 min, 2 min … capped at 1 h), PARKED
 * after the last attempt. Each message carries its id as the event id the provider may use to drop
 * duplicates. The background job {@code outbox-relay}; a message that cannot be handled (e.g. a bad
 * recipient) is retried on its own schedule and never holds up the others.
 */
@ApplicationScoped
public class OutboxRelay implements BackgroundJob {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Inject
    OutboxStore store;

    /** Writes the SMS sent instead of an undeliverable WhatsApp message; null where a test wires the relay by hand. */
    @Inject
    Outbox outbox;

    @Inject
    NotificationProviders providers;

    @Inject
    Clock clock;

    @Inject
    TijaratSettings settings;

    /** What one pass did; {@code failed} counts messages whose handling itself failed (retried later). */
    public record Run(int sent, int retrying, int parked, int uncertain, int failed) {
    }

    @Override
    public String name() {
        return "outbox-relay";
    }

    @Override
    public Duration interval() {
        return settings.outboxInterval();
    }

    @Override
    public JobResult run() {
        var tally = new JobResult.Tally();
        Run run = runOnce(tally);
        if (run.sent() + run.parked() + run.uncertain() > 0) {
            LOG.info(() -> "Outbox relay: " + run);
        }
        return tally.result();
    }

    public Run runOnce() {
        return runOnce(new JobResult.Tally());
    }

    private Run runOnce(JobResult.Tally tally) {
        int[] counts = new int[5];
        for (OutboxMessage m : store.claim(10)) {
            try {
                counts[relay(m)]++;
                tally.done();
            } catch (RuntimeException e) {
                // the claim's lease runs out and the message is tried again; the rest of the batch goes on
                counts[4]++;
                tally.failed("message " + m.id(), e);
            }
        }
        counts[4] += askForReports(tally);
        return new Run(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** How long after sending the gateway is asked whether a message arrived. */
    static final Duration REPORTS_FOR = Duration.ofDays(3);

    /**
     * Asks the gateways that give delivery reports about sent messages whose report is due: PENDING is asked again
     * after 5 min, doubling up to 6 h, for three days; DELIVERED and FAILED are final. A gateway that gives no
     * reports, or does not know the message, is not asked again about it.
     */
    private int askForReports(JobResult.Tally tally) {
        int failed = 0;
        Instant now = clock.instant();
        for (OutboxMessage m : store.dueForReport(now, now.minus(REPORTS_FOR), 20)) {
            try {
                if (m.providerId() == null || m.providerMessageId() == null
                        || !providers.supports(m.providerId(), NotificationCapability.DELIVERY_REPORTS)) {
                    store.reported(m.id(), null, null, null);
                    continue;
                }
                var report = providers.deliveryStatus(m.providerId(), m.providerMessageId());
                if (report.isEmpty()) {
                    store.reported(m.id(), null, null, null);
                } else {
                    Duration wait = Duration.ofMinutes(5).multipliedBy(1L << Math.min(6, m.reportChecks()));
                    store.reported(m.id(), report.get().status(), report.get().at().orElse(now),
                            now.plus(wait.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : wait));
                }
                tally.done();
            } catch (ProviderUnavailableException e) {
                LOG.fine(() -> "Delivery report of message " + m.id() + " not available now: " + e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                tally.failed("delivery report of message " + m.id(), e);
            }
        }
        return failed;
    }

    private static final int SENT = 0;
    private static final int RETRYING = 1;
    private static final int PARKED = 2;
    private static final int UNCERTAIN = 3;

    /** Relays one message; returns what became of it. */
    private int relay(OutboxMessage m) {
        Optional<String> provider = providers.providerFor(m.channel());
        if (provider.isEmpty()) {
            return retryLater(m, "no active notification provider for " + m.channel()) ? PARKED : RETRYING;
        }
        if (m.category() == MessageCategory.PROMOTIONAL && !store.promotionAllowed(m.recipient())) {
            // consent is read when the message goes out: an opt-out after it was written still stops it
            store.failed(m.id(), "not sent: the customer has not agreed to promotional messages, or withdrew (STOP)",
                    clock.instant(), true);
            return PARKED;
        }
        Optional<String> capped = m.channel() == Channel.EMAIL ? Optional.empty() : overCap(m);
        if (capped.isPresent()) {
            store.failed(m.id(), capped.get(), clock.instant(), true);
            return PARKED;
        }
        try {
            SendOutcome outcome = providers.send(provider.get(), request(m));
            if (outcome instanceof SendOutcome.Accepted accepted) {
                store.sent(m.id(), provider.get(), accepted.gatewayMessageId());
                return SENT;
            } else if (outcome instanceof SendOutcome.Rejected rejected) {
                if (m.channel() == Channel.WHATSAPP && outbox != null) {
                    // not on WhatsApp, or the template refused: the customer still hears, by SMS
                    outbox.smsInstead(m.id(), rejected.code() + ": " + rejected.reason());
                } else {
                    store.failed(m.id(), rejected.code() + ": " + rejected.reason(), clock.instant(), true);
                }
                return PARKED;
            } else {
                store.uncertain(m.id(), provider.get(), ((SendOutcome.Unknown) outcome).detail());
                return UNCERTAIN;
            }
        } catch (ProviderUnavailableException | IllegalArgumentException e) {
            return retryLater(m, e.getMessage()) ? PARKED : RETRYING;
        }
    }

    private static final java.time.ZoneId PAKISTAN = java.time.ZoneId.of("Asia/Karachi");
    /** The day (Pakistan) on which the caps were last reported in the log, so a flood logs once a day, not per message. */
    private final java.util.concurrent.atomic.AtomicReference<java.time.LocalDate> capLogged = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Why this SMS may not go out today, if a cap stops it: {@code tijarat.sms.per-phone-per-day} to one number, or
     * {@code tijarat.sms.per-day} for the shop (Pakistan days). A flood stops at the cap; each parked message says
     * why (admins see it in {@code /api/admin/notifications?state=PARKED} and can retry it tomorrow), and the first
     * of the day is logged.
     */
    private Optional<String> overCap(OutboxMessage m) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), PAKISTAN);
        Instant since = today.atStartOfDay(PAKISTAN).toInstant();
        boolean whatsapp = m.channel() == Channel.WHATSAPP;
        String kind = whatsapp ? "WhatsApp" : "SMS";
        String key = whatsapp ? "tijarat.whatsapp." : "tijarat.sms.";
        int perDay = whatsapp ? settings.whatsappPerDay() : settings.smsPerDay();
        int perPhone = whatsapp ? settings.whatsappPerPhonePerDay() : settings.smsPerPhonePerDay();
        String reason = null;
        if (store.sentSince(m.channel(), since, null) >= perDay) {
            reason = "the shop's daily " + kind + " cap (" + key + "per-day=" + perDay + ") is reached";
        } else if (store.sentSince(m.channel(), since, m.recipient()) >= perPhone) {
            reason = "this number's daily " + kind + " cap (" + key + "per-phone-per-day=" + perPhone + ") is reached";
        }
        if (reason != null && !today.equals(capLogged.getAndSet(today))) {
            String why = reason;
            LOG.warning(() -> kind + " parked: " + why + "; further messages over a cap today are parked without a log line");
        }
        return Optional.ofNullable(reason);
    }

    /** Schedules the next attempt; returns true when this was the last one and the message is parked. */
    private boolean retryLater(OutboxMessage m, String error) {
        int attempt = m.attempts() + 1;
        boolean park = attempt >= settings.outboxMaxAttempts();
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
        if (m.channel() == Channel.WHATSAPP) {
            var template = new io.tijarat.spi.notification.MessageTemplate(m.templateName(), m.locale(),
                    Templates.parameters(io.tijarat.core.order.OrderEvent.valueOf(m.eventType()), m.locale(),
                            Templates.values(m.templateValues())));
            return new MessageRequest(IdempotencyKey.of(m.id()), m.channel(), to, m.category(),
                    MessageContent.sms(m.body()), Optional.of(template));
        }
        MessageContent content = m.channel() != Channel.EMAIL ? MessageContent.sms(m.body())
                : "ur".equals(m.locale()) ? MessageContent.email(m.subject(), m.body(), rightToLeft(m.body()))
                : MessageContent.email(m.subject(), m.body());
        return new MessageRequest(IdempotencyKey.of(m.id()), m.channel(), to, m.category(), content);
    }

    /**
     * An Urdu e-mail's HTML part: right to left, aligned right, in the language's own direction, so mail clients do not
     * show it left-aligned with the punctuation at the wrong end (the text part stays as written).
     */
    static String rightToLeft(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br>");
        return "<!DOCTYPE html><html lang=\"ur\" dir=\"rtl\"><head><meta charset=\"UTF-8\"></head>"
                + "<body dir=\"rtl\" style=\"text-align:right\"><p>" + escaped + "</p></body></html>";
    }
}
