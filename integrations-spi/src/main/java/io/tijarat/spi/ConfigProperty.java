package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration property a provider declares in its {@link ProviderDescriptor}. The operator sets
 * it as {@code tijarat.provider.<provider id>.<name>}; the admin screen lists it with its description;
 * the core checks required properties before the provider is created.
 *
 * <p>A secret property can be written but never read back: the admin screen shows it as set or not
 * set, and the plugin reads it only through {@link ProviderConfig#secret(String)}. Because a default
 * value would be visible in the plugin's jar, a secret has no default; and a required property has
 * none either (a default would make it optional).
 *
 * @param name         relative to the provider's namespace: lower-case words separated by {@code -},
 *                     optionally grouped with {@code .}, e.g. {@code merchant-id}, {@code refund.mpin}
 * @param description  one sentence for the operator: what it is and where to find it
 * @param required     whether the provider cannot start without it
 * @param secret       whether it must never be shown or logged
 * @param defaultValue the value used when the operator sets none
 * @param type         the form a value must have, checked by the core before the provider is created (since
 *                     1.2; {@link ConfigType#text()} for properties declared without one)
 */
public record ConfigProperty(String name, String description, boolean required, boolean secret,
                             Optional<String> defaultValue, ConfigType type) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public ConfigProperty {
        Checks.notBlank(name, "config property name", 64);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("config property name '" + name
                    + "' must be lower-case words of a-z, 0-9 and '-', optionally separated by '.'");
        }
        Checks.notBlank(description, "description of config property " + name);
        Checks.optional(defaultValue, "defaultValue of config property " + name);
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("config property " + name
                    + " is required and has a default; drop the default or make it optional");
        }
        if (secret && defaultValue.isPresent()) {
            throw new IllegalArgumentException("config property " + name + " is secret and must not have a default");
        }
        Checks.notNull(type, "type of config property " + name);
        defaultValue.flatMap(type::problem).ifPresent(problem -> {
            throw new IllegalArgumentException("the default of config property " + name + " is malformed: " + problem);
        });
    }

    /** A property of any text, as declared before SPI 1.2. */
    public ConfigProperty(String name, String description, boolean required, boolean secret,
                          Optional<String> defaultValue) {
        this(name, description, required, secret, defaultValue, ConfigType.text());
    }

    /** This property, whose values must have the form {@code type} (since 1.2). */
    public ConfigProperty ofType(ConfigType type) {
        return new ConfigProperty(name, description, required, secret, defaultValue, type);
    }

    /** A property the provider cannot start without. */
    public static ConfigProperty required(String name, String description) {
        return new ConfigProperty(name, description, true, false, Optional.empty());
    }

    /** An optional property with no default. */
    public static ConfigProperty optional(String name, String description) {
        return new ConfigProperty(name, description, false, false, Optional.empty());
    }

    /** An optional property with a default value. */
    public static ConfigProperty withDefault(String name, String description, String defaultValue) {
        return new ConfigProperty(name, description, false, false,
                Optional.of(Checks.notNull(defaultValue, "defaultValue")));
    }

    /** A required secret: a password, API key or hash salt. */
    public static ConfigProperty secret(String name, String description) {
        return new ConfigProperty(name, description, true, true, Optional.empty());
    }
}
