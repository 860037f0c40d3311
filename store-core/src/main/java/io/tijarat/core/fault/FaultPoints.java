package io.tijarat.core.fault;

import io.tijarat.core.config.Mode;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Kills the server at a named point when a test asks for it: system property {@code tijarat.fault-point}
 * names the point, and it only works with {@code tijarat.mode=test}. {@code Runtime.halt} skips shutdown
 * hooks and open transactions, like {@code kill -9} or a power cut. In any other mode this is a no-op.
 */
public final class FaultPoints {

    /** After the order and its payment attempt are committed, before the provider is called. */
    public static final String AFTER_ATTEMPT_COMMIT = "after-attempt-commit";
    /** After the provider answered, before its answer is committed. */
    public static final String AFTER_PROVIDER_ANSWER = "after-provider-answer";

    private static final Logger LOG = Logger.getLogger(FaultPoints.class.getName());

    private FaultPoints() {
    }

    public static void reached(String point) {
        if (point.equals(System.getProperty("tijarat.fault-point"))
                && Mode.parse(Optional.ofNullable(System.getProperty(Mode.KEY))) == Mode.TEST) {
            LOG.severe("Fault point " + point + " reached: halting the server (test mode)");
            Runtime.getRuntime().halt(137);
        }
    }
}
