/**
 * The plugin contract shared by every provider kind: factories and descriptors, what the core hands a
 * plugin ({@link io.tijarat.spi.ProviderContext}), the exceptions that mean "no answer", and the
 * value types every kind uses ({@link io.tijarat.spi.Money}, {@link io.tijarat.spi.PhoneNumber},
 * {@link io.tijarat.spi.IdempotencyKey}).
 *
 * <h2>Rules that hold for the whole SPI</h2>
 * <ul>
 *   <li><b>JDK only.</b> This jar depends on nothing but the JDK, so a plugin can never clash with the
 *       server's libraries. A plugin sees only the JDK and {@code io.tijarat.spi.*} from its parent
 *       class loader; it bundles everything else it needs.</li>
 *   <li><b>Thread safety.</b> Factories and the providers they create are shared: the core calls them
 *       from many threads at once. They must be thread-safe and keep no per-call state in fields.</li>
 *   <li><b>Results, not exceptions, for answers.</b> A gateway that answers — yes, no, or "I do not
 *       know yet" — is reported as a sealed outcome. An exception means there was no answer: see
 *       {@link io.tijarat.spi.ProviderException}.</li>
 *   <li><b>Idempotency.</b> Every call that changes something at the gateway carries an
 *       {@link io.tijarat.spi.IdempotencyKey}; the plugin forwards it to the gateway.</li>
 *   <li><b>Timeouts.</b> The core wraps every call in a timeout (the descriptor's
 *       {@link io.tijarat.spi.ProviderDescriptor#defaultTimeout() budget}, overridable by the
 *       operator), retries, a circuit breaker and a bulkhead, per provider. Plugins do not retry on
 *       their own and never block beyond their budget.</li>
 *   <li><b>Values fail fast.</b> Records validate in their constructors and throw
 *       {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException} with a
 *       message that names the field. Optional fields are {@link java.util.Optional}, never
 *       {@code null}.</li>
 * </ul>
 */
package io.tijarat.spi;
