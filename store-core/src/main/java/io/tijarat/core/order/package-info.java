/**
 * Orders: the aggregate, its explicit state machine (states never move backwards), its append-only
 * history, and the readable order numbers customers quote over the phone.
 */
package io.tijarat.core.order;
