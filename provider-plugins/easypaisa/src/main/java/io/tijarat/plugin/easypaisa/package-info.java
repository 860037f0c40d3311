/**
 * EasyPaisa (Easypay, Telenor Microfinance Bank), provider id {@code easypaisa}: mobile-account and
 * over-the-counter voucher payments through REST v4, the hosted checkout (with the encrypted
 * {@code merchantHashedReq} and its two-step return), transaction inquiry, and the IPN.
 *
 * <p>EasyPaisa signs nothing it sends back — neither the IPN nor the browser's return — so those are
 * hints: the plugin reports them with {@code confirmByInquiry}, and only {@code inquire-transaction}
 * settles an attempt. EasyPaisa has no refund API: the plugin does not declare {@code REFUND}.
 *
 * <p>The translation layer: {@link io.tijarat.plugin.easypaisa.EasyPaisaApi} speaks HTTP and JSON,
 * {@link io.tijarat.plugin.easypaisa.StartAnswers}, {@link io.tijarat.plugin.easypaisa.InquiryAnswers}
 * and {@link io.tijarat.plugin.easypaisa.InboundRequests} turn EasyPaisa's answers into the SPI's outcomes.
 */
package io.tijarat.plugin.easypaisa;
