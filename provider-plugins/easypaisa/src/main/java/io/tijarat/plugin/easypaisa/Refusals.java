package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.PermanentProviderException;
import java.util.Optional;

/**
 * The response codes that mean "nothing will work until someone fixes the merchant's set-up", as
 * {@link PermanentProviderException}s whose message names the keys to check. The same for payments and
 * inquiries.
 */
final class Refusals {

    private Refusals() {
    }

    static Optional<PermanentProviderException> configurationProblem(ResponseCode code, EasyPaisaSettings settings,
                                                                     String operation) {
        String fix = switch (code) {
            case INVALID_CREDENTIALS -> "check " + settings.key(EasyPaisaSettings.USERNAME) + " and "
                    + settings.key(EasyPaisaSettings.PASSWORD) + " against the EasyPaisa merchant portal";
            case INVALID_STORE_ID -> "check " + settings.key(EasyPaisaSettings.STORE_ID)
                    + " against the EasyPaisa merchant portal, and that " + settings.key(EasyPaisaSettings.BASE_URL)
                    + " is the environment (sandbox or live) the store belongs to";
            case STORE_NOT_ACTIVE -> "the store " + settings.storeId() + " is not active at EasyPaisa: ask the"
                    + " EasyPaisa relationship manager to activate it";
            case INVALID_MERCHANT_ACCOUNT -> "check " + settings.key(EasyPaisaSettings.ACCOUNT_NUMBER)
                    + " against the EasyPaisa merchant portal";
            case MERCHANT_ACCOUNT_NOT_ACTIVE -> "the merchant account is not active at EasyPaisa: ask the EasyPaisa"
                    + " relationship manager to activate it";
            case PAYMENT_METHOD_NOT_ENABLED -> "this payment method is not enabled for store " + settings.storeId()
                    + ": enable it in the EasyPaisa merchant portal, or ask EasyPaisa to";
            default -> null;
        };
        return Optional.ofNullable(fix).map(text -> new PermanentProviderException("EasyPaisa answered "
                + code.describe() + " to " + operation + ": " + text));
    }
}
