package io.tijarat.core.plugin.testkit;

import io.tijarat.spi.ProviderKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sources of a small but real plugin: a factory, a provider of the factory's kind, and a
 * {@code Commands} class through which tests drive the provider's context. The provider also implements
 * {@code java.util.function.Function<String, String>} — a JDK type, so the test (on the host side) can
 * call it without sharing any test class with the plugin:
 *
 * <ul>
 *   <li>{@code version}, {@code id}, {@code clock}</li>
 *   <li>{@code forName:<class>} — {@code loaded} or the exception; {@code lib} — calls the bundled
 *       {@code shared.lib.Greeter.greet()}; {@code lazy}, {@code later} — each loads a class of the
 *       plugin on first use (one to show a loader is open, the other to show it was closed)</li>
 *   <li>{@code resource:<path>}, {@code resources:<path>} — presence and count as the plugin sees them</li>
 *   <li>{@code config:<name>}, {@code secret:<name>}, {@code key:<name>}, {@code require:<name>}</li>
 *   <li>{@code log:<text>}, {@code logSecret:<name>}, {@code logError:<text>}</li>
 *   <li>{@code http:<uri>} — GET through the context's client, {@code <status> <body>}</li>
 * </ul>
 * Failures come back as {@code <exception class>: <message>}.
 */
public final class FixturePlugin {

    private final ProviderKind kind;
    private final String id;
    private String version = "1.0.0";
    private ProviderKind descriptorKind;
    private final List<String> properties = new ArrayList<>();
    private String constructor = "";
    private String descriptor = "return DESCRIPTOR;";
    private String create = "return new Provider(context);";
    private String close = "";
    private String superclass = "";
    private long timeoutMillis = 30_000;
    private final Map<String, String> extraSources = new LinkedHashMap<>();

    private FixturePlugin(ProviderKind kind, String id) {
        this.kind = kind;
        this.id = id;
        this.descriptorKind = kind;
    }

    public static FixturePlugin payment(String id) {
        return new FixturePlugin(ProviderKind.PAYMENT, id);
    }

    public static FixturePlugin shipping(String id) {
        return new FixturePlugin(ProviderKind.SHIPPING, id);
    }

    public static FixturePlugin notification(String id) {
        return new FixturePlugin(ProviderKind.NOTIFICATION, id);
    }

    public FixturePlugin version(String version) {
        this.version = version;
        return this;
    }

    /** The kind the descriptor declares; by default the factory's own. */
    public FixturePlugin descriptorKind(ProviderKind descriptorKind) {
        this.descriptorKind = descriptorKind;
        return this;
    }

    /** A Java expression of type ConfigProperty, e.g. {@code ConfigProperty.secret("password", "API password")}. */
    public FixturePlugin property(String configPropertyExpression) {
        properties.add(configPropertyExpression);
        return this;
    }

    public FixturePlugin constructor(String body) {
        this.constructor = body;
        return this;
    }

    public FixturePlugin descriptor(String body) {
        this.descriptor = body;
        return this;
    }

    public FixturePlugin create(String body) {
        this.create = body;
        return this;
    }

    public FixturePlugin close(String body) {
        this.close = body;
        return this;
    }

    /** Makes the factory extend a class (e.g. one left out of the jar). */
    public FixturePlugin factoryExtends(String simpleClassName) {
        this.superclass = "extends " + simpleClassName + " ";
        return this;
    }

    public FixturePlugin defaultTimeoutMillis(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    /** Another class in the plugin's package; {@code %PKG%} in the code is replaced by it. */
    public FixturePlugin extraSource(String simpleName, String code) {
        extraSources.put(simpleName, code);
        return this;
    }

    /** The package of this fixture's classes: unique per id and version. */
    public String packageName() {
        return "fixture." + id.replace('-', '_') + ".v" + version.replaceAll("[^A-Za-z0-9]", "_");
    }

    public String factoryClassName() {
        return packageName() + ".Factory";
    }

    /** A jar builder with this plugin's classes and service file, ready for more. */
    public TestPluginJars.Builder jar() {
        TestPluginJars.Builder jar = TestPluginJars.jar()
                .source(packageName() + ".Factory", factorySource())
                .source(packageName() + ".Provider", providerSource())
                .source(packageName() + ".Commands", replace(COMMANDS))
                .source(packageName() + ".Lazy", replace(LAZY))
                .source(packageName() + ".Later", replace(LAZY).replace("Lazy", "Later").replace("lazy", "later"))
                .service("io.tijarat.spi." + kindPackage(kind) + "." + factoryName(kind), factoryClassName());
        extraSources.forEach((name, code) -> jar.source(packageName() + "." + name, replace(code)));
        return jar;
    }

    private String factorySource() {
        StringBuilder props = new StringBuilder();
        properties.forEach(property -> props.append("            .property(").append(property).append(")\n"));
        return replace(FACTORY)
                .replace("%PROPERTIES%", props.toString())
                .replace("%CONSTRUCTOR%", constructor)
                .replace("%DESCRIPTOR%", descriptor)
                .replace("%CREATE%", create)
                .replace("%CLOSE%", close)
                .replace("%SUPER%", superclass)
                .replace("%TIMEOUT%", Long.toString(timeoutMillis))
                .replace("%DKIND%", descriptorKind.name());
    }

    private String providerSource() {
        return replace(switch (kind) {
            case PAYMENT -> PAYMENT_PROVIDER;
            case SHIPPING -> SHIPPING_PROVIDER;
            case NOTIFICATION -> NOTIFICATION_PROVIDER;
        });
    }

    private String replace(String template) {
        return template.replace("%PKG%", packageName())
                .replace("%ID%", id)
                .replace("%VERSION%", version)
                .replace("%KINDPKG%", kindPackage(kind))
                .replace("%FACTORY%", factoryName(kind))
                .replace("%PROVIDER%", providerName(kind));
    }

    private static String kindPackage(ProviderKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String factoryName(ProviderKind kind) {
        return providerName(kind) + "Factory";
    }

    private static String providerName(ProviderKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Provider";
    }

    private static final String FACTORY = """
            package %PKG%;

            import io.tijarat.spi.*;
            import io.tijarat.spi.%KINDPKG%.*;
            import java.time.Duration;

            public class Factory %SUPER%implements %FACTORY% {
                static final String VERSION = "%VERSION%";
                private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("%ID%", ProviderKind.%DKIND%)
                        .displayName("Fixture %ID%").pluginVersion(VERSION)
            %PROPERTIES%
                        .defaultTimeout(Duration.ofMillis(%TIMEOUT%))
                        .build();

                public Factory() {
                    %CONSTRUCTOR%
                }

                @Override
                public ProviderDescriptor descriptor() {
                    %DESCRIPTOR%
                }

                @Override
                public %PROVIDER% create(ProviderContext context) {
                    %CREATE%
                }

                @Override
                public void close() {
                    %CLOSE%
                }
            }
            """;

    private static final String PAYMENT_PROVIDER = """
            package %PKG%;

            import io.tijarat.spi.ProviderContext;
            import io.tijarat.spi.payment.*;
            import java.util.function.Function;

            public class Provider implements PaymentProvider, Function<String, String> {
                private final ProviderContext context;

                public Provider(ProviderContext context) {
                    this.context = context;
                }

                @Override
                public PaymentOutcome start(PaymentRequest request) {
                    return new PaymentOutcome.Declined("FIXTURE", "%ID% " + Factory.VERSION + " declines " + request.orderNumber());
                }

                @Override
                public String apply(String command) {
                    return Commands.run(context, command);
                }
            }
            """;

    private static final String SHIPPING_PROVIDER = """
            package %PKG%;

            import io.tijarat.spi.ProviderContext;
            import io.tijarat.spi.shipping.*;
            import java.util.function.Function;

            public class Provider implements ShippingProvider, Function<String, String> {
                private final ProviderContext context;

                public Provider(ProviderContext context) {
                    this.context = context;
                }

                @Override
                public CityCoverage coverage(String city) {
                    return CityCoverage.notCovered(city);
                }

                @Override
                public BookingOutcome book(ShipmentRequest request) {
                    return new BookingOutcome.Unknown("fixture");
                }

                @Override
                public String apply(String command) {
                    return Commands.run(context, command);
                }
            }
            """;

    private static final String NOTIFICATION_PROVIDER = """
            package %PKG%;

            import io.tijarat.spi.ProviderContext;
            import io.tijarat.spi.notification.*;
            import java.util.function.Function;

            public class Provider implements NotificationProvider, Function<String, String> {
                private final ProviderContext context;

                public Provider(ProviderContext context) {
                    this.context = context;
                }

                @Override
                public SendOutcome send(MessageRequest request) {
                    return new SendOutcome.Unknown("fixture");
                }

                @Override
                public String apply(String command) {
                    return Commands.run(context, command);
                }
            }
            """;

    private static final String LAZY = """
            package %PKG%;

            final class Lazy {
                @Override
                public String toString() {
                    return "lazy %VERSION%";
                }
            }
            """;

    private static final String COMMANDS = """
            package %PKG%;

            import io.tijarat.spi.ProviderContext;
            import java.net.URI;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.util.Collections;

            final class Commands {
                private Commands() {
                }

                static String run(ProviderContext context, String command) {
                    int colon = command.indexOf(':');
                    String verb = colon < 0 ? command : command.substring(0, colon);
                    String arg = colon < 0 ? "" : command.substring(colon + 1);
                    ClassLoader own = Commands.class.getClassLoader();
                    try {
                        switch (verb) {
                            case "version": return Factory.VERSION;
                            case "id": return context.providerId();
                            case "clock": return context.clock().instant().toString();
                            case "forName": Class.forName(arg); return "loaded";
                            case "lib": return (String) Class.forName("shared.lib.Greeter").getMethod("greet").invoke(null);
                            case "lazy": return new Lazy().toString();
                            case "later": return new Later().toString();
                            case "resource": return String.valueOf(own.getResource(arg) != null);
                            case "resources": return String.valueOf(Collections.list(own.getResources(arg)).size());
                            case "config": return context.config().get(arg).orElse("<empty>");
                            case "secret": return String.valueOf(context.config().secret(arg));
                            case "key": return context.config().keyFor(arg);
                            case "require": return context.config().require(arg);
                            case "log": context.logger().info(arg); return "logged";
                            case "logSecret": context.logger().info("using secret " + context.config().secret(arg).reveal()); return "logged";
                            case "logError": context.logger().error("call failed", new IllegalStateException(arg)); return "logged";
                            case "http":
                                HttpResponse<String> response = context.httpClient().send(
                                        HttpRequest.newBuilder(URI.create(arg)).GET().build(), HttpResponse.BodyHandlers.ofString());
                                return response.statusCode() + " " + response.body();
                            default: return "unknown command " + verb;
                        }
                    } catch (Throwable e) {
                        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
                        return cause.getClass().getName() + ": " + cause.getMessage();
                    }
                }
            }
            """;
}
