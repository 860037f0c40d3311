package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.spi.Money;
import io.tijarat.spi.payment.PaymentOutcome;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Class by class, what a plugin sees from its parent: the JDK and the SPI's public packages only. */
class SpiOnlyClassLoaderTest {

    private final ClassLoader parent = new SpiOnlyClassLoader(Money.class.getClassLoader());

    @Test
    void givenSpiAndJdkClasses_whenLoaded_thenTheHostsOwnClassesComeBack() throws ClassNotFoundException {
        assertSame(Money.class, parent.loadClass("io.tijarat.spi.Money"));
        assertSame(PaymentOutcome.Pending.class, parent.loadClass("io.tijarat.spi.payment.PaymentOutcome$Pending"));
        assertSame(String.class, parent.loadClass("java.lang.String"));
        assertSame(HttpClient.class, parent.loadClass("java.net.http.HttpClient"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.tijarat.spi.internal.Checks", "io.tijarat.spi.kit.TestClock",
            "org.junit.jupiter.api.Test", "com.github.tomakehurst.wiremock.WireMockServer", "io.tijarat.spiX.Money"})
    void givenAClassOutsideTheJdkAndTheSpi_whenLoaded_thenItIsNotVisible(String name) {
        assertThrows(ClassNotFoundException.class, () -> parent.loadClass(name));
    }
}
