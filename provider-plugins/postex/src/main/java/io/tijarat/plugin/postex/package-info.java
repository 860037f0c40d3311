/**
 * PostEx, provider id {@code postex}: a cash-on-delivery courier that pays merchants part of the COD upfront.
 *
 * <p>Built from PostEx's "COD API Integration Guide" v4.1.9 (base {@code https://api.postex.pk/services/integration/api/order/},
 * header {@code token}) and what the live API does differently, as integrators report it: {@code statusCode} is a
 * string, and refusals arrive as HTTP 200 with {@code statusCode:"404"} (or another code) in the body; a bad token is
 * HTTP 401 {@code "TOKEN IS INVALID"}; bad parameters are a raw Spring 400 body; {@code operationalCityType} must be
 * lower case; tracking numbers are plain digits; there is no bulk create and no lookup by order reference. The stub
 * in the test sources ({@code stub.PostExStub}) answers the same way.
 *
 * <p>What is not here, and why: booking lookup (PostEx finds orders only by tracking number, so a lost booking answer
 * is settled by staff in the PostEx portal); COD remittance ({@code payment-status} gives settlement dates and CPR
 * numbers but no amounts, so it cannot be matched to the COD amount honestly).
 */
package io.tijarat.plugin.postex;
