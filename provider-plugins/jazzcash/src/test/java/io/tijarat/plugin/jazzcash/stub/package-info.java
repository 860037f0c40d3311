/**
 * A WireMock stub of JazzCash's API ({@link io.tijarat.plugin.jazzcash.stub.JazzCashStub}), built from the
 * provider notes: it verifies every request's secure hash, signs its answers, refuses a duplicate
 * reference, keeps a ledger for inquiry and refunds, and reproduces JazzCash's quirks (an HTML page with
 * status 200, slow MPIN prompts, numbers where strings are promised). Tests and developers use it; the
 * plugin jar does not contain it.
 */
package io.tijarat.plugin.jazzcash.stub;
