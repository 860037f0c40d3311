/**
 * TCS, provider id {@code tcs}, through TCS's COD API on IBM API Connect (base
 * {@code https://api.tcscourier.com/production/v1/cod/}, header {@code X-IBM-Client-Id}; user name, password and cost
 * centre in the body), the API generation most open-source integrations use. Its answers carry
 * {@code returnStatus{status:"SUCCESS|FAIL", code:"0200", message}}; the consignment number of a new booking comes
 * inside a sentence ({@code bookingReply.result: "… : <CN>"}); the tracking reply misspells {@code recievedBy}.
 * TCS publishes no rates API: rates come from the merchant's configured tariff.
 *
 * <p>Not here, and why: the newer "ECOM" API (token auth, label printing) needs UAT sign-off before production and
 * is documented less; labels (the COD API has no label call: print the slip from the TCS portal); booking lookup and
 * COD remittance (no call for them in the COD API).
 */
package io.tijarat.plugin.tcs;
