package io.tijarat.spi.json;

/** A text was not the JSON it had to be. The message names the position, never the text itself. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
