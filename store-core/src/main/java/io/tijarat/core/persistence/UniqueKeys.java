package io.tijarat.core.persistence;

/** Recognises a unique-key violation however deep the JPA provider and the driver wrapped it. */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /** Whether {@code e} was caused by a row that clashed with a unique key (a concurrent duplicate insert). */
    public static boolean violated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t.getClass().getSimpleName().contains("ConstraintViolation")) {
                return true;
            }
        }
        return false;
    }
}
