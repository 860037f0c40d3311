/**
 * Fault points for crash tests: places where a test build can make the server die abruptly, to prove
 * that every crash ends with one charge and a correct order after restart and reconciliation.
 */
package io.tijarat.core.fault;
