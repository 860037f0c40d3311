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
 */
record CodSettings(Money maxAmount, boolean phoneConfirmation) {

    private static final Pattern PAISA = Pattern.compile("[1-9]\\d{0,17}");

    static CodSettings from(ProviderConfig config) {
        refuseCities(config);
        return new CodSettings(Money.pkr(paisa(config, CodProviderFactory.MAX_AMOUNT)),
                flag(config, CodProviderFactory.PHONE_CONFIRMATION));
    }

    /**
     * The payment request has no delivery address in SPI 1.0, so a city list could not be applied. An
     * operator who sets one expects it to work: stopping says so now, instead of offering cash on delivery
     * everywhere while the setting suggests otherwise.
     */
    private static void refuseCities(ProviderConfig config) {
        if (config.get(CodProviderFactory.CITIES).isPresent()) {
            throw new PermanentProviderException(config.keyFor(CodProviderFactory.CITIES) + " cannot be honoured:"
                    + " payment requests (SPI 1.0) carry no delivery city, so the payment step cannot tell where the"
                    + " parcel goes. Remove the setting, and limit cash on delivery by city through the shipping"
                    + " provider's coverage (cash on delivery per city) instead");
        }
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
