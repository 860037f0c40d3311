/**
 * What an operator looks at first: each provider's state and recent calls, each background job, the outbox and
 * merchant-webhook backlogs, and the payment attempts still open, by age — one read-only report.
 */
package io.tijarat.core.status;
