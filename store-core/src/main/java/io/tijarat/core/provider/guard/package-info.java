/**
 * Fault tolerance per provider. The SPI cannot carry MicroProfile annotations (it depends on the JDK
 * only), so the core declares plain mirrors of the provider interfaces ({@link GuardedPayment}, …), and
 * {@link GuardTypes} defines, per provider id, a sub-interface whose methods carry MicroProfile FT
 * annotations with that provider's values ({@link FaultToleranceSettings}: defaults per operation, the
 * plugin's declared budget, the operator's {@code tijarat.provider.<id>.ft.*} overrides). Each provider
 * instance is wrapped in a JDK proxy of its sub-interface and handed to CDI's InterceptionFactory.
 * MicroProfile FT keys its circuit-breaker and bulkhead state by (runtime class of the target, method), so
 * every provider id gets its own breaker, bulkhead and timeout, with its own values, and one failing
 * provider cannot open the breaker or fill the bulkhead of another.
 *
 * <p>Timeouts nest: a call's budget ({@link io.tijarat.core.plugin.context.CallBudget}) bounds the plugin's
 * HTTP requests, and FT's timeout is the budget plus {@link OperationLimits#MARGIN}.
 */
package io.tijarat.core.provider.guard;
