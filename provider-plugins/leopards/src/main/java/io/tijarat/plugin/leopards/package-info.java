/**
 * Leopards Courier (LCS), provider id {@code leopards}, through its eCom Merchant API v2 (the operation name then
 * {@code /format/json/} under {@code https://merchantapi.leopardscourier.com/api/}; {@code api_key} and
 * {@code api_password} in the body, or the query for GETs).
 *
 * <p>The quirks it is written for, from the API document and open-source integrations: {@code status} as the number
 * {@code 1} or the string {@code "1"}; {@code error} as a string, {@code 0} or an object keyed by field; errors inside
 * HTTP 200; weights in grams; the tracking detail's misspelt keys ({@code "Staus"}, {@code "Reciever Name"}). The stub
 * in the test sources ({@code stub.LeopardsStub}) answers the same way.
 *
 * <p>Not here, and why: COD remittance ({@code getPaymentDetails} gives the cheque and its date but no amounts, so
 * payouts cannot be matched to COD amounts honestly); reverse pickups (not in the merchant API document).
 */
package io.tijarat.plugin.leopards;
