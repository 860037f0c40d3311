package io.tijarat.web.problem;

/**
 * Range checks for query parameters. Used instead of Bean Validation annotations on {@code @QueryParam}
 * because Payara 6's OpenAPI generator treats any validated parameter as a path parameter and fails
 * (NullPointerException in ApplicationProcessor.addSchemaParameter), taking /openapi down.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    public static String maxLength(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(name, "must be at most " + max + " characters");
        }
        return value;
    }
}
