/**
 * Customer details given at checkout: names, Pakistani phone numbers (stored E.164), e-mail, and shipping
 * addresses in a known city (English or Urdu names) — validated with the field and the reason.
 */
package io.tijarat.core.customer;
