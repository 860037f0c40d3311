package io.tijarat.core.outbox;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.messaging.SmsText;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.provider.NotificationProviders;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.NotificationCapability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

/**
 * What customers will read for an event, in a language, before any order causes it: the e-mail subject and text, and
 * the SMS as the outbox would send it with the active gateway — the language it would go in (Urdu needs a gateway with
 * {@code UNICODE_SMS}), its encoding, parts and cost, or why it would be parked.
 */
@ApplicationScoped
public class TemplatePreviews {

    /** Sample values, as an order would fill them. */
    static final Map<String, String> SAMPLE = Map.of("number", "TJ-7K3M-9QXD", "name", "Ayesha Khan",
            "total", "Rs 2,239", "courier", "leopards", "tracking", "KI7512345678",
            "link", " https://shop.example.pk/track/KI7512345678");

    @Inject
    TijaratSettings settings;

    @Inject
    NotificationProviders providers;

    /**
     * @param smsLocale   the language the SMS would go in; empty with {@code smsRefusal} when it would be parked
     * @param smsGateway  the SMS gateway that would send it, if one is active
     */
    public record Preview(String event, String locale, String subject, String text, String smsLocale, String smsText,
                          String smsEncoding, Integer smsParts, Long smsCostMinor, String smsRefusal, String smsGateway) {
    }

    public Preview preview(String event, String locale) {
        OrderEvent type;
        try {
            type = OrderEvent.valueOf(event == null ? "" : event);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.invalid("event", "must be one of " + Arrays.toString(OrderEvent.values()));
        }
        if (!"en".equals(locale) && !"ur".equals(locale)) {
            throw InvalidRequestException.invalid("locale", "must be en or ur");
        }
        String[] text = Templates.render(type, locale, SAMPLE);
        String english = Templates.render(type, "en", SAMPLE)[1];
        var gateway = providers.providerFor(Channel.SMS);
        boolean unicode = gateway.map(p -> providers.supports(p, NotificationCapability.UNICODE_SMS)).orElse(true);
        var candidates = new ArrayList<SmsText.Candidate>();
        candidates.add(new SmsText.Candidate(locale, text[1]));
        if (!"en".equals(locale)) {
            candidates.add(new SmsText.Candidate("en", english));
        }
        SmsText sms = SmsText.choose(candidates, unicode, settings.smsMaxParts());
        return new Preview(type.name(), locale, text[0], text[1], sms.locale().orElse(null), sms.text().orElse(null),
                sms.parts().map(p -> p.encoding().name()).orElse(null), sms.parts().map(p -> p.parts()).orElse(null),
                sms.parts().map(p -> p.cost(settings.smsPricePerPart())).orElse(null), sms.refusal().orElse(null),
                gateway.orElse(null));
    }
}
