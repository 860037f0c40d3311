package io.tijarat.web.asrun;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.StubHttp.respond;
import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.TestSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.core.plugin.testkit.TestPluginJars;
import io.tijarat.core.testsupport.TestDatabase;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What survives a crash. The outbox: messages written with their orders by a server that is then killed
 * (SIGKILL, before its relay ran) are delivered by the restarted server — every one, each exactly once. And
 * the operator's switches: a provider an admin switched off stays off after the restart. The "mail gateway"
 * is an HTTP stub in this JVM, reached by a notification plugin in the server's plugin directory.
 */
class RestartIT {

    private static HttpServer mailGateway;
    private static final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    @BeforeAll
    static void gateway() throws IOException {
        mailGateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mailGateway.createContext("/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.computeIfAbsent(body.strip(), e -> new AtomicInteger()).incrementAndGet();
            respond(exchange, 200, "MSG-" + body.strip());
        });
        mailGateway.start();
    }

    @AfterAll
    static void stop() {
        mailGateway.stop(0);
    }

    @Test
    void messages_written_before_a_crash_are_delivered_after_the_restart_each_exactly_once_and_switches_stay()
            throws Exception {
        Path workdir = Files.createDirectories(Path.of(System.getProperty("tijarat.it.workdir"), "outbox-restart"));
        Path plugins = Files.createDirectories(workdir.resolve("plugins"));
        for (String bundled : List.of("tijarat-plugin-flat-rate.jar", "tijarat-plugin-cod.jar")) {
            Files.copy(Path.of(System.getProperty("tijarat.it.bundledPlugins"), bundled), plugins.resolve(bundled),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.write(plugins.resolve("test-mail.jar"), mailPlugin());
        TestDatabase db = TestDatabase.get();
        Map<String, String> props = new HashMap<>(Map.of(
                "tijarat.db.url", db.url(), "tijarat.db.user", db.user(), "tijarat.db.password", db.password(),
                "tijarat.mode", "test", "tijarat.plugins.dir", plugins.toString(),
                "tijarat.provider.test-mail.url", "http://127.0.0.1:" + mailGateway.getAddress().getPort() + "/send",
                "tijarat.outbox.interval-seconds", "0"));
        List<String> orders = new ArrayList<>();

        // Given a server whose relay has not run when it is killed
        try (var first = PayaraProcess.start(workdir, props)) {
            var http = new Http(new URL("http://127.0.0.1:" + first.port + "/"));
            Eventually.await(Duration.ofSeconds(30), "the mail plugin is active",
                    () -> "ACTIVE".equals(TestPlugins.state(http, "test-mail")));
            var shop = new Shop(http);
            for (int i = 0; i < 3; i++) {
                orders.add(field(shop.checkout("cod", "Restart Customer", "restart-" + UUID.randomUUID() + "@example.pk",
                        "en").body(), "order.id"));
            }
            var off = http.post("/api/admin/plugins/cod/disable", "", "Authorization", Tokens.admin());
            assertEquals(200, off.statusCode(), off.body());
            first.kill();
        }
        for (String order : orders) {
            assertEquals("PENDING", state(order), "written with the order, not sent yet");
        }
        assertEquals(0, deliveries.size());

        // When the server comes back with its relay running
        props.put("tijarat.outbox.interval-seconds", "1");
        try (var second = PayaraProcess.start(workdir, props)) {
            var http = new Http(new URL("http://127.0.0.1:" + second.port + "/"));
            assertEquals("DISABLED", TestPlugins.state(http, "cod"), "switched off before the crash, still off");
            assertEquals(200, http.post("/api/admin/plugins/cod/enable", "", "Authorization", Tokens.admin()).statusCode());
            assertEquals("ACTIVE", TestPlugins.state(http, "cod"));
            // Then every message is delivered, each once
            Eventually.await(Duration.ofSeconds(60), "every message written before the crash is sent",
                    () -> orders.stream().allMatch(order -> "SENT".equals(state(order))));
            Thread.sleep(3_000); // a few more relay runs: nothing is sent again
        }
        for (String order : orders) {
            String eventId = text("SELECT id FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_PLACED'", order);
            assertEquals(1, deliveries.get(eventId).get(), "delivered exactly once: " + eventId);
            assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_PLACED'",
                    order));
        }
    }

    private static String state(String orderId) {
        return text("SELECT state FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_PLACED'", orderId);
    }

    /** An e-mail plugin that posts each message's event id to the stub gateway through the core's HTTP client. */
    private static byte[] mailPlugin() {
        return TestPluginJars.jar()
                .source("com.example.restartmail.Factory", """
                        package com.example.restartmail;
                        import io.tijarat.spi.*;
                        import io.tijarat.spi.notification.*;
                        public class Factory implements NotificationProviderFactory {
                            public ProviderDescriptor descriptor() {
                                return ProviderDescriptor.builder("test-mail", ProviderKind.NOTIFICATION).displayName("Test mail")
                                        .pluginVersion("1.0.0").capabilities(NotificationCapability.EMAIL)
                                        .property(ConfigProperty.required("url", "the gateway"))
                                        .defaultTimeout(java.time.Duration.ofSeconds(10)).build();
                            }
                            public NotificationProvider create(ProviderContext context) {
                                String url = context.config().require("url");
                                return new NotificationProvider() {
                                    public SendOutcome send(MessageRequest request) {
                                        try {
                                            var answer = context.httpClient().send(java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(url)).POST(java.net.http.HttpRequest.BodyPublishers
                                                    .ofString(request.eventId().value())).build(),
                                                    java.net.http.HttpResponse.BodyHandlers.ofString());
                                            return new SendOutcome.Accepted(answer.body());
                                        } catch (Exception e) {
                                            return new SendOutcome.Unknown(e.toString());
                                        }
                                    }
                                };
                            }
                        }
                        """)
                .service("io.tijarat.spi.notification.NotificationProviderFactory", "com.example.restartmail.Factory")
                .bytes();
    }
}
