package io.tijarat.core.plugin.classloading;

import java.util.List;
import java.util.Set;

/**
 * The one place that says what a plugin may load from the server: <b>the JDK and {@code io.tijarat.spi},
 * nothing else, for now.</b>
 *
 * <ul>
 *   <li><b>The JDK</b>: whatever the platform class loader can load ({@code java.*}, {@code javax.*},
 *       {@code java.net.http}, {@code jdk.*} modules defined to it). Never the application class path:
 *       the platform loader does not see it.</li>
 *   <li><b>The SPI</b>: exactly the packages in {@link #SPI_PACKAGES}, loaded by the class loader that
 *       loaded the SPI in the server, so a plugin's {@code PaymentProvider} is the server's
 *       {@code PaymentProvider}. Sub-packages are not implied: a new SPI package is exposed only when
 *       it is added here (a test fails until someone decides).</li>
 * </ul>
 *
 * <p>Not exposed, though they are on the server's class path: Hibernate, Payara, Flyway, Jakarta EE and
 * MicroProfile APIs, the core ({@code io.tijarat.core.*}), and {@code io.tijarat.spi.internal} (the
 * SPI's own helpers, which its README tells plugins not to use — this enforces it). Resources follow the
 * same rule, so the server's {@code META-INF/services} files never reach a plugin's
 * {@link java.util.ServiceLoader}.
 *
 * <p>Whether {@code jakarta.json} or the MicroProfile Rest Client annotations will be shared is
 * undecided; sharing one means adding its packages here, and nothing else. Stateless and thread-safe.
 */
public final class ExposedPackages {

    /** The SPI packages a plugin compiles against; each is shared with the server, not copied. */
    public static final List<String> SPI_PACKAGES = List.of(
            "io.tijarat.spi",
            "io.tijarat.spi.payment",
            "io.tijarat.spi.shipping",
            "io.tijarat.spi.notification",
            "io.tijarat.spi.json",
            "io.tijarat.spi.geo",
            "io.tijarat.spi.text");

    /** SPI packages that are deliberately hidden: not API. */
    public static final List<String> HIDDEN_SPI_PACKAGES = List.of("io.tijarat.spi.internal");

    private static final Set<String> SPI = Set.copyOf(SPI_PACKAGES);

    private ExposedPackages() {
    }

    /** Whether a class (binary name, e.g. {@code io.tijarat.spi.Money}) is shared from the server's SPI. */
    public static boolean isSpiClass(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 && SPI.contains(className.substring(0, lastDot));
    }

    /**
     * Whether a resource path (e.g. {@code io/tijarat/spi/spi-version.properties}) belongs to an exposed
     * SPI package. {@code META-INF/} and every other path are not.
     */
    public static boolean isSpiResource(String resourcePath) {
        String path = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        int lastSlash = path.lastIndexOf('/');
        return lastSlash > 0 && SPI.contains(path.substring(0, lastSlash).replace('/', '.'));
    }
}
