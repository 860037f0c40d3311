/**
 * Small fake plugins, one per kind, that talk to a made-up JSON gateway the way the SPI asks: the kit's
 * own tests run the contracts against them, and against deliberately broken variants
 * ({@link io.tijarat.spi.kit.fake.Quirk}) to prove each contract case can fail. They use the JDK and the
 * SPI only, like a real plugin, and read as a reference for how a plugin maps HTTP failures.
 */
package io.tijarat.spi.kit.fake;
