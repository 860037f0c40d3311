package io.tijarat.web.ratelimit;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.spi.PhoneNumber;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import java.util.Locale;

/**
 * Checkout needs no login and every order sends a message to the contact it names, so checkouts are limited per
 * client address ({@code tijarat.checkout.per-address-per-minute}, {@code …per-address-burst}) and per phone
 * number ({@code tijarat.checkout.per-phone-per-minute}, {@code …per-phone-burst}). Called only for a checkout
 * that is about to run for the first time under its Idempotency-Key: a replay of the stored answer takes no token
 * and is never refused.
 */
@ApplicationScoped
public class CheckoutRateLimit {

    @Inject
    TijaratSettings settings;

    @Inject
    ClientAddresses clients;

    private KeyedRateLimiter byAddress;
    private KeyedRateLimiter byPhone;

    @PostConstruct
    void init() {
        byAddress = new KeyedRateLimiter(settings.checkoutPerAddressPerMinute() / 60, settings.checkoutPerAddressBurst(),
                settings.rateLimitMaxKeys());
        byPhone = new KeyedRateLimiter(settings.checkoutPerPhonePerMinute() / 60, settings.checkoutPerPhoneBurst(),
                settings.rateLimitMaxKeys());
    }

    /**
     * Takes a token for the client's address and one for the phone number (if the body gave one).
     *
     * @throws WebApplicationException 429 with Retry-After when either is used up
     */
    public void admit(HttpServletRequest request, String phone) {
        var address = byAddress.take(clients.key(request));
        if (!address.allowed()) {
            throw new WebApplicationException(TooManyRequests.response(
                    "Too many checkouts from your network; try again later.", address));
        }
        if (phone != null && !phone.isBlank()) {
            var number = byPhone.take(phoneKey(phone));
            if (!number.allowed()) {
                throw new WebApplicationException(TooManyRequests.response(
                        "Too many orders for this phone number; try again later.", number));
            }
        }
    }

    /** One key per number however it is written (0300-1234567, +92 300 1234567 …). */
    static String phoneKey(String phone) {
        try {
            return PhoneNumber.fromPakistani(phone).value();
        } catch (IllegalArgumentException e) {
            return phone.replaceAll("[^0-9A-Za-z+]", "").toLowerCase(Locale.ROOT); // refused by checkout anyway
        }
    }
}
