package io.tijarat.plugin.tcs;

import io.tijarat.spi.ConfigType;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import java.net.URI;
import java.time.Duration;

/** The ECOM plugin's settings, checked once at {@code create}. */
record TcsEcomSettings(Secret bearerToken, String userName, Secret password, String account, String costCenter,
                       String shipperName, String shipperAddress, String shipperMobile, URI baseUrl, TcsRates rates,
                       Duration cityListTtl) {

    static TcsEcomSettings from(ProviderConfig config) {
        String base = config.require(TcsProviderFactory.BASE_URL).strip();
        String mobile = config.require(TcsEcomProviderFactory.SHIPPER_MOBILE).strip();
        String local;
        try {
            local = PhoneNumber.fromPakistani(mobile).pakistanLocal().orElseThrow(IllegalArgumentException::new);
        } catch (IllegalArgumentException e) {
            throw new PermanentProviderException(config.keyFor(TcsEcomProviderFactory.SHIPPER_MOBILE)
                    + " is not a Pakistani mobile number (03xxxxxxxxx)");
        }
        return new TcsEcomSettings(config.secret(TcsEcomProviderFactory.BEARER_TOKEN),
                config.require(TcsProviderFactory.USER_NAME).strip(), config.secret(TcsProviderFactory.PASSWORD),
                config.require(TcsEcomProviderFactory.ACCOUNT).strip(), config.require(TcsProviderFactory.COST_CENTER).strip(),
                config.require(TcsEcomProviderFactory.SHIPPER_NAME).strip(),
                config.require(TcsEcomProviderFactory.SHIPPER_ADDRESS).strip(), local,
                URI.create(base.endsWith("/") ? base : base + "/"), TcsRates.from(config),
                ConfigType.parseDuration(config.require(TcsProviderFactory.CITY_LIST_TTL).strip()));
    }

    @Override
    public String toString() {
        return "TcsEcomSettings[" + baseUrl + ", origin " + rates.originCity() + ", service " + rates.service() + "]";
    }
}
