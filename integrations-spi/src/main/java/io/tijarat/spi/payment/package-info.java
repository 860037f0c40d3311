/**
 * Payment providers: wallets, cards and vouchers through a gateway (JazzCash, EasyPaisa), and offline
 * methods settled by a person or a courier (cash on delivery, bank transfer).
 *
 * <p>One payment attempt goes through these calls, each keyed by the attempt's
 * {@link io.tijarat.spi.IdempotencyKey} (the merchant reference at the gateway):
 * <ol>
 *   <li>{@link io.tijarat.spi.payment.PaymentProvider#start start} returns a
 *       {@link io.tijarat.spi.payment.PaymentOutcome}: approved, pending a customer action, declined, or
 *       unknown;</li>
 *   <li>the gateway's notifications and the customer's return arrive through
 *       {@link io.tijarat.spi.payment.PaymentProvider#verifyCallback verifyCallback};</li>
 *   <li>the core's reconciliation settles pending and unknown attempts with
 *       {@link io.tijarat.spi.payment.PaymentProvider#inquire inquire};</li>
 *   <li>later, staff may {@link io.tijarat.spi.payment.PaymentProvider#refund refund} or
 *       {@link io.tijarat.spi.payment.PaymentProvider#voidPayment void} it; the reconciler settles a refund
 *       left pending or unknown with {@link io.tijarat.spi.payment.PaymentProvider#refundStatus refundStatus},
 *       and a refund the gateway cannot make or be asked about
 *       ({@link io.tijarat.spi.payment.RefundOutcome.NotSupported}) waits for staff.</li>
 * </ol>
 * Callback, return and inquiry all report the same {@link io.tijarat.spi.payment.InquiryOutcome}
 * shape, so the core settles an attempt through one idempotent function whichever arrives first.
 */
package io.tijarat.spi.payment;
