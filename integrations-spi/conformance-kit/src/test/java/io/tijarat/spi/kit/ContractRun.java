package io.tijarat.spi.kit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs chosen contract cases of a test class through the JUnit Platform and reports how each ended. */
final class ContractRun {

    /** How a case ended: passed, failed, or skipped by an assumption. */
    enum Result { PASSED, FAILED, SKIPPED }

    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final Map<String, Throwable> failures = new ConcurrentHashMap<>();

    private ContractRun() {
    }

    static ContractRun of(Class<?> testClass, String... methodNames) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String methodName : methodNames) {
            request.selectors(selectMethod(testClass, methodName));
        }
        ContractRun run = new ContractRun();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request.build(), run.listener());
        return run;
    }

    Optional<Result> resultOf(String methodName) {
        return Optional.ofNullable(results.get(methodName));
    }

    Optional<Throwable> failureOf(String methodName) {
        return Optional.ofNullable(failures.get(methodName));
    }

    private TestExecutionListener listener() {
        return new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                methodName(test).ifPresent(name -> {
                    results.put(name, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                            ? Result.PASSED : result.getStatus() == TestExecutionResult.Status.ABORTED
                            ? Result.SKIPPED : Result.FAILED);
                    result.getThrowable().ifPresent(error -> failures.put(name, error));
                });
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                methodName(test).ifPresent(name -> results.put(name, Result.SKIPPED));
            }
        };
    }

    private static Optional<String> methodName(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(source -> ((MethodSource) source).getMethodName());
    }
}
