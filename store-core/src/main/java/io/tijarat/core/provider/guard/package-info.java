/**
 * Fault tolerance per provider. The SPI cannot carry MicroProfile annotations (it depends on the JDK
 * only), so the core declares annotated mirrors of the provider interfaces ({@link GuardedPayment}, …).
 * Each provider instance is wrapped in a JDK proxy whose class is defined in a class loader of its own
 * (one per provider id), and the proxy is handed to CDI's InterceptionFactory. MicroProfile FT keys its
 * circuit-breaker and bulkhead state by (runtime class of the target, method) — STACK.md — so every
 * provider id gets its own breaker, bulkhead and timeout, and one failing provider cannot open the
 * breaker or fill the bulkhead of another.
 */
package io.tijarat.core.provider.guard;
