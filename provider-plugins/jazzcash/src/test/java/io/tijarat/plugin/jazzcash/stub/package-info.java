/**
 * A WireMock stub of JazzCash's API ({@link io.tijarat.plugin.jazzcash.stub.JazzCashStub}): it verifies every
 * request's secure hash, signs its answers (in the {@code pp_} or the unprefixed shape), records a reference
 * once, keeps a ledger for inquiry and refunds, can answer any of JazzCash's published codes
 * ({@link io.tijarat.plugin.jazzcash.stub.StubCodes}), and reproduces JazzCash's quirks (an HTML page with
 * status 200, slow MPIN prompts, numbers where strings are promised). Tests and developers use it; the
 * plugin jar does not contain it.
 */
package io.tijarat.plugin.jazzcash.stub;
