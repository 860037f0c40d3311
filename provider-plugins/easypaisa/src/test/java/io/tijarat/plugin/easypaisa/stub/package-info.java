/**
 * A WireMock stub of EasyPaisa for the plugin's tests and for developers: {@link
 * io.tijarat.plugin.easypaisa.stub.EasyPaisaStub} starts it on 127.0.0.1, {@code StubApi} answers like
 * EasyPaisa (and fails like it), {@code StubLedger} remembers transactions and checkouts, and
 * {@code StubCrypto} checks {@code merchantHashedReq} independently of the plugin's own code.
 */
package io.tijarat.plugin.easypaisa.stub;
