package io.tijarat.web.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Arquillian test on a managed Payara Micro with a real database. {@link PayaraTestServer} runs first
 * (it prepares the database and the loopback-only options the container reads), then Arquillian.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PayaraTestServer.class)
@ExtendWith(ArquillianExtension.class)
public @interface TijaratIT {
}
