package io.tijarat.spi.json;

/** JSON's {@code null}, as a value in a parsed object or array (a map cannot tell a null member from none). */
public enum JsonNull {
    NULL
}
