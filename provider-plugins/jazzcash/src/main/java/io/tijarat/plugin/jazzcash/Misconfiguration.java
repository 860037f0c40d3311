package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.PermanentProviderException;

/**
 * The answers that mean no request of ours can succeed until the operator fixes something: the failure
 * names the code and the configuration key, never a value.
 */
final class Misconfiguration {

    private Misconfiguration() {
    }

    /** For a code read as {@code MISCONFIGURED} by the operation. */
    static PermanentProviderException of(String operation, String code, JazzCashSettings.Keys keys) {
        String fix = switch (code.strip()) {
            case "101" -> "invalid merchant credentials: check " + keys.merchantId() + " and " + keys.password();
            case "111" -> "not allowed for this merchant: ask JazzCash to enable the " + operation + " for "
                    + keys.merchantId() + " in the JazzCash portal";
            case "115" -> "invalid pp_SecureHash: check " + keys.integritySalt()
                    + " (the Integrity Salt in the JazzCash portal)";
            case "117" -> "not allowed on the sub-merchant: check the merchant's setup for " + keys.merchantId()
                    + " with JazzCash";
            case "024", "060" -> "the merchant MPIN was refused (" + ("024".equals(code.strip()) ? "bad PIN"
                    : "PIN retries exhausted") + "): check " + keys.merchantMpin()
                    + " (the merchant MPIN from the JazzCash portal)";
            default -> "the request was refused: check the provider's configuration";
        };
        return new PermanentProviderException("JazzCash " + GatewayText.code(code) + " on " + operation + ", " + fix);
    }
}
