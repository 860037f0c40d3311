/**
 * JazzCash, provider id {@code jazzcash}: mobile-wallet payments server to server (the customer approves
 * with the MPIN on the phone), JazzCash's hosted checkout for card, wallet and voucher, over-the-counter
 * vouchers, status inquiry, wallet refunds, and the signed customer return and IPN.
 *
 * <p>Everything JazzCash sends is believed only after its {@code pp_SecureHash} verifies
 * ({@link io.tijarat.plugin.jazzcash.SecureHash}); an answer that is not JazzCash's JSON — its firewall
 * answers 200 with an HTML page — is a transport error, never a payment result. The plugin uses the JDK and
 * the SPI only: HTTP through the core's {@code ProviderHttp}, and a small JSON reader of its own.
 */
package io.tijarat.plugin.jazzcash;
