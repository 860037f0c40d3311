package io.tijarat.plugin.cod;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operator's cash-on-delivery rules, read and checked once at start-up, so a typo stops the
 * provider with a message naming the key instead of surfacing at a customer's checkout.
 *
 * @param maxAmount         the largest order total payable in cash; positive, PKR
 * @param phoneConfirmation whether the shop phones the customer to confirm before dispatch
 * @param cities            where cash on delivery is offered (everywhere unless {@code cities} is set)
 */
record CodSettings(Money maxAmount, boolean phoneConfirmation, CodCities cities) {

    private static final Pattern PAISA = Pattern.compile("[1-9]\\d{0,17}");

    static CodSettings from(ProviderConfig config) {
        return new CodSettings(Money.pkr(paisa(config, CodProviderFactory.MAX_AMOUNT)),
                flag(config, CodProviderFactory.PHONE_CONFIRMATION), cities(config));
    }

    /** Unset (or blank) means everywhere; a value that names no city is a mistake, not "nowhere". */
    private static CodCities cities(ProviderConfig config) {
        return config.get(CodProviderFactory.CITIES)
                .map(list -> CodCities.parse(list).orElseThrow(() -> new PermanentProviderException(
                        config.keyFor(CodProviderFactory.CITIES) + " must list at least one city, comma-separated"
                                + " (e.g. Karachi, Lahore, لاہور), was '" + list + "'; leave it unset to offer cash on"
                                + " delivery everywhere")))
                .orElse(CodCities.EVERYWHERE);
    }

    private static long paisa(ProviderConfig config, String name) {
        String value = config.require(name).strip();
        if (!PAISA.matcher(value).matches()) {
            throw new PermanentProviderException(config.keyFor(name) + " must be a whole number of paisa greater"
                    + " than 0, without separators (5000000 is Rs 50,000), was '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static boolean flag(ProviderConfig config, String name) {
        String value = config.require(name).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PermanentProviderException(config.keyFor(name) + " must be true or false, was '"
                    + value + "'");
        };
    }
}
