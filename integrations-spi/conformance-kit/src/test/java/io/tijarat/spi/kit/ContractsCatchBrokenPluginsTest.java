package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.spi.kit.fake.BrokenPlugins;
import io.tijarat.spi.notification.NotificationProviderFactory;
import io.tijarat.spi.payment.PaymentProviderFactory;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the contract cases can fail: each broken fake plugin fails the case written for its bug,
 * and passes a control case, so the failure is about that bug and not a broken set-up. The contract
 * classes below are static nested classes, which Surefire does not run on their own.
 */
class ContractsCatchBrokenPluginsTest {

    static Stream<Arguments> brokenPlugins() {
        return Stream.of(
                broken(DeclinesOnServerError.class, "givenAGatewayFailingWith500_whenStarted_thenUnknown",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(LogsSecret.class, "givenADecliningGateway_whenStarted_thenDeclined",
                        "givenTheFactory_whenItsDescriptorIsRead_thenItIsConstantAndNamesTheExpectedIdAndKind"),
                broken(InventsReference.class,
                        "givenOneAttemptId_whenStartedTwice_thenTheGatewaySeesTheSameReferenceBothTimes",
                        "givenAnAcceptingGateway_whenStarted_thenApprovedOrPending"),
                broken(GuessesOnRefusal.class,
                        "givenARefusedConnection_whenStarted_thenTransientFailureBecauseNothingWasSent",
                        "givenAGatewayFailingWith500_whenStarted_thenUnknown"),
                broken(CrashesOnHtml.class, "givenAnHtmlPageWithStatus200_whenStarted_thenUnknownWithoutEchoingThePage",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(CallsGatewayInCreate.class, "givenAGateway_whenTheProviderIsCreated_thenItHasNotCalledIt",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(UsesSpiInternals.class,
                        "givenAClassLoaderWithOnlyTheJdkAndTheSpi_whenThePluginIsLoaded_thenItDescribesAndCreatesItself",
                        "givenThePluginClassPath_whenServiceLoaderLooksForFactories_thenItFindsThisOneInThePluginsOwnServicesFile"),
                broken(IgnoresMissingKey.class,
                        "givenAMissingRequiredProperty_whenTheProviderIsCreated_thenItFailsPermanentlyNamingTheFullKey",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(ClaimsReservedId.class,
                        "givenTheProviderId_whenItIsOneTheProjectReserves_thenOnlyTheProjectsOwnPluginUsesIt",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(MistypesBaseUrl.class,
                        "givenTheDeclaredTypes_whenTheTestConfigurationIsChecked_thenTheServerWouldAcceptEveryValue",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(Unlisted.class,
                        "givenThePluginClassPath_whenServiceLoaderLooksForFactories_thenItFindsThisOneInThePluginsOwnServicesFile",
                        "givenTheFactory_whenItsDescriptorIsRead_thenItIsConstantAndNamesTheExpectedIdAndKind"),
                broken(Unlisted.class,
                        "givenAClassLoaderWithOnlyTheJdkAndTheSpi_whenThePluginIsLoaded_thenItDescribesAndCreatesItself",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(ClaimsRefund.class,
                        "givenDeclaredCapabilities_whenTheProviderIsInspected_thenItImplementsEveryOperationTheyUnlock",
                        "givenADecliningGateway_whenStarted_thenDeclined"),
                broken(SendsCodInPaisa.class,
                        "givenACashOnDeliveryOrder_whenBooked_thenTheCourierIsAskedToCollectExactlyTheWholeRupees",
                        "givenAnErrorInsideAnHttp200_whenBooking_thenRejectedNotBooked"),
                broken(ClaimsTracking.class,
                        "givenDeclaredCapabilities_whenTheProviderIsInspected_thenItImplementsEveryOperationTheyUnlock",
                        "givenTheSampleCity_whenCoverageIsAsked_thenTheAnswerIsAboutThatCity"),
                broken(RejectsOnTimeout.class, "givenAGatewayThatAnswersAfterTheBudget_whenSending_thenUnknown",
                        "givenAnAcceptingGateway_whenSent_thenAccepted"),
                broken(AcceptsTamperedWebhooks.class,
                        "givenTrackingWebhooks_whenTheSignedWebhooksBodyIsTampered_thenRejected",
                        "givenTrackingWebhooks_whenASignedWebhookIsVerifiedTwice_thenVerifiedWithTheSameEventKey"));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("brokenPlugins")
    void givenABrokenPlugin_whenItsContractRuns_thenTheCaseForItsBugFailsAndTheControlCasePasses(
            Class<?> contract, String mustFail, String mustPass) {
        ContractRun run = ContractRun.of(contract, mustFail, mustPass);

        assertEquals(Optional.of(ContractRun.Result.FAILED), run.resultOf(mustFail), mustFail);
        assertEquals(Optional.of(ContractRun.Result.PASSED), run.resultOf(mustPass),
                () -> mustPass + " should pass: " + run.failureOf(mustPass).map(Throwable::toString).orElse(""));
    }

    private static Arguments broken(Class<?> contract, String mustFail, String mustPass) {
        return Arguments.of(contract, mustFail, mustPass);
    }

    static class DeclinesOnServerError extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.DeclinesOnServerError();
        }
    }

    static class LogsSecret extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.LogsSecret();
        }
    }

    static class InventsReference extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.InventsReference();
        }
    }

    static class GuessesOnRefusal extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.GuessesOnRefusal();
        }
    }

    static class CrashesOnHtml extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.CrashesOnHtml();
        }
    }

    static class CallsGatewayInCreate extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.CallsGatewayInCreate();
        }
    }

    static class UsesSpiInternals extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.UsesSpiInternals();
        }
    }

    static class IgnoresMissingKey extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.IgnoresMissingKey();
        }
    }

    static class ClaimsReservedId extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.ClaimsReservedId();
        }

        @Override
        protected String expectedProviderId() {
            return "jazzcash";
        }
    }

    static class MistypesBaseUrl extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.MistypesBaseUrl();
        }
    }

    static class Unlisted extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.Unlisted();
        }
    }

    static class ClaimsRefund extends FakePayContractTest {
        @Override
        protected PaymentProviderFactory newFactory() {
            return new BrokenPlugins.ClaimsRefund();
        }
    }

    static class ClaimsTracking extends FakeCourierContractTest {
        @Override
        protected ShippingProviderFactory newFactory() {
            return new BrokenPlugins.ClaimsTracking();
        }
    }

    static class SendsCodInPaisa extends FakeCourierContractTest {
        @Override
        protected ShippingProviderFactory newFactory() {
            return new BrokenPlugins.SendsCodInPaisa();
        }
    }

    static class AcceptsTamperedWebhooks extends FakeCourierContractTest {
        @Override
        protected ShippingProviderFactory newFactory() {
            return new BrokenPlugins.AcceptsTamperedWebhooks();
        }
    }

    static class RejectsOnTimeout extends FakeSmsContractTest {
        @Override
        protected NotificationProviderFactory newFactory() {
            return new BrokenPlugins.RejectsOnTimeout();
        }
    }
}
