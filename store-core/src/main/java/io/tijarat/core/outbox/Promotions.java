package io.tijarat.core.outbox;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.messaging.SmsParts;
import io.tijarat.core.messaging.SmsText;
import io.tijarat.core.provider.NotificationProviders;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.NotificationCapability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A promotional SMS to every customer whose consent stands (the newest entry of the consent ledger grants it), in the
 * customer's language (of their latest order) where the gateway can carry it, always with the opt-out instruction
 * appended. Messages go through the outbox like any other — counted against the daily caps — and the relay reads the
 * consent again when each goes out, so a STOP that arrives meanwhile still stops it. A dry run says whom and what it
 * would cost without writing anything.
 */
@ApplicationScoped
public class Promotions {

    /** Appended to every promotional text, per language: how to opt out (PTA's rules and Twilio's keywords agree). */
    static final Map<String, String> OPT_OUT = Map.of("en", " Reply STOP to opt out.",
            "ur", " پیغامات بند کرنے کے لیے STOP لکھ کر بھیجیں۔");

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TijaratSettings settings;

    @Inject
    NotificationProviders providers;

    /** The text one language's customers get, as the gateway bills it. */
    public record Version(String locale, String text, String encoding, int parts, int recipients, long costMinor) {
    }

    /** What a promotion is (or, in a dry run, would be). */
    public record Campaign(boolean dryRun, int recipients, List<Version> versions, long costMinor) {
    }

    @Transactional
    public Campaign send(String english, String urdu, boolean dryRun) {
        if (english == null || english.isBlank()) {
            throw InvalidRequestException.invalid("text.en", "is required: every customer can be sent the English text");
        }
        if (english.length() > 1000 || (urdu != null && urdu.length() > 1000)) {
            throw InvalidRequestException.invalid("text", "must be at most 1000 characters per language");
        }
        String provider = providers.providerFor(Channel.SMS).orElseThrow(() ->
                new ConflictException("no SMS gateway is active: install and configure one first"));
        boolean unicode = providers.supports(provider, NotificationCapability.UNICODE_SMS);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("en", english.strip() + OPT_OUT.get("en"));
        if (urdu != null && !urdu.isBlank()) {
            texts.put("ur", urdu.strip() + OPT_OUT.get("ur"));
        }
        Map<String, SmsText> chosen = new LinkedHashMap<>();
        for (String locale : List.of("en", "ur")) {
            var candidates = new ArrayList<SmsText.Candidate>();
            if (texts.containsKey(locale)) {
                candidates.add(new SmsText.Candidate(locale, texts.get(locale)));
            }
            if (!locale.equals("en")) {
                candidates.add(new SmsText.Candidate("en", texts.get("en")));
            }
            SmsText text = SmsText.choose(candidates, unicode, settings.smsMaxParts());
            if (text.text().isEmpty()) {
                throw InvalidRequestException.unprocessable("text." + locale, "cannot be sent as SMS: "
                        + text.refusal().orElse("too long") + " (the opt-out instruction is appended to it)");
            }
            chosen.put(locale, text);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> recipients = em.createNativeQuery("SELECT c.phone, (SELECT o.locale FROM customer_order o"
                + " WHERE o.customer_phone = c.phone ORDER BY o.created_at DESC LIMIT 1) FROM consent_event c"
                + " WHERE c.id IN (SELECT MAX(e.id) FROM consent_event e GROUP BY e.phone) AND c.granted = TRUE"
                + " ORDER BY c.phone").getResultList();
        Map<String, int[]> counts = new LinkedHashMap<>();
        var now = clock.instant();
        long price = settings.smsPricePerPart();
        for (Object[] row : recipients) {
            String phone = (String) row[0];
            String locale = "ur".equals(row[1]) ? "ur" : "en";
            SmsText text = chosen.get(locale);
            String sentIn = text.locale().orElse(locale);
            counts.computeIfAbsent(sentIn, l -> new int[1])[0]++;
            if (!dryRun) {
                var message = OutboxMessage.promotion(phone, sentIn, text.text().get(), now);
                text.parts().ifPresent(parts -> message.billedAs(parts, price));
                em.persist(message);
            }
        }
        List<Version> versions = new ArrayList<>();
        long total = 0;
        for (var e : counts.entrySet()) {
            SmsText text = chosen.get(e.getKey()); // the language it went in: Urdu only where the Urdu text was chosen
            SmsParts parts = text.parts().orElseThrow();
            long cost = parts.cost(price) * e.getValue()[0];
            total += cost;
            versions.add(new Version(e.getKey(), text.text().get(), parts.encoding().name(), parts.parts(),
                    e.getValue()[0], cost));
        }
        return new Campaign(dryRun, recipients.size(), versions, total);
    }
}
