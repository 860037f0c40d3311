package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;

/**
 * No answer will come until a human fixes something: wrong or expired credentials, a missing or
 * invalid configuration value, a store id or sender mask the gateway does not know, an account out
 * of credit or blocked. The core does not retry it and raises an operator alert.
 *
 * <p>The message is for that operator: name the configuration key or the gateway's code, and say
 * what to do ("tijarat.provider.jazzcash.merchant-id is not set", "JazzCash 101: invalid
 * credentials — check merchant id and password"). Never include the secret itself.
 *
 * <p>Problems with one request's data (a customer's invalid phone number, an address the courier does
 * not serve) are not permanent failures of the provider: they are {@code Declined} or {@code Rejected}
 * outcomes.
 */
public final class PermanentProviderException extends ProviderException {

    private static final long serialVersionUID = 1L;

    public PermanentProviderException(String message) {
        this(message, null);
    }

    public PermanentProviderException(String message, Throwable cause) {
        super(Checks.notBlank(message, "message"), cause);
    }
}
