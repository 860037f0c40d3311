package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.PermanentProviderException;

/**
 * The answers that mean no request of ours can succeed until the operator fixes something: the failure
 * names the code and the configuration key, never a value.
 */
final class Misconfiguration {

    private Misconfiguration() {
    }

    /** For a code whose meaning is {@link ResponseCode.Meaning#MISCONFIGURED}. */
    static PermanentProviderException of(String operation, String code, JazzCashSettings.Keys keys) {
        String fix = switch (code) {
            case "101" -> "invalid credentials: check " + keys.merchantId() + " and " + keys.password()
                    + ", and that the merchant is enabled for this operation in the JazzCash portal";
            case "115" -> "invalid pp_SecureHash: check " + keys.integritySalt()
                    + " (the Integrity Salt in the JazzCash portal)";
            case "117" -> "invalid date/time: check the server's clock (pp_TxnDateTime is Pakistan time from it)";
            default -> "the request was refused: check the provider's configuration";
        };
        return new PermanentProviderException("JazzCash " + GatewayText.code(code) + " on " + operation + ", "
                + fix);
    }
}
