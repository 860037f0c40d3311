/**
 * The conformance kit: what a provider plugin's tests need to prove the plugin keeps the
 * {@code io.tijarat.spi} contract. Add it to a plugin with scope {@code test}.
 *
 * <ul>
 *   <li>{@link io.tijarat.spi.kit.TestProviderContext}: a {@link io.tijarat.spi.ProviderContext} for
 *       tests, with configuration from a map, a {@link io.tijarat.spi.kit.TestClock}, a
 *       {@link io.tijarat.spi.kit.RecordingLogger} and an HTTP client that only reaches 127.0.0.1.</li>
 *   <li>{@link io.tijarat.spi.kit.PaymentProviderContract},
 *       {@link io.tijarat.spi.kit.ShippingProviderContract} and
 *       {@link io.tijarat.spi.kit.NotificationProviderContract}: abstract JUnit 5 tests a plugin's test
 *       class extends, implementing a few hooks (the factory, and for plugins that call a gateway, how to
 *       point it at a WireMock stub and how to program that stub).</li>
 *   <li>{@link io.tijarat.spi.kit.SampleRequests}: valid requests to feed a provider.</li>
 * </ul>
 *
 * <p>Nothing here is for production code: the plugin host never has this jar.
 */
package io.tijarat.spi.kit;
