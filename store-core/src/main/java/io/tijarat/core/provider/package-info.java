/**
 * The core's view of the providers: ports the checkout, reconciliation and fulfilment code call. The
 * plugin host implements them, guarding every call with the provider's own fault-tolerance policy.
 */
package io.tijarat.core.provider;
