package io.tijarat.web.webhook;

import io.tijarat.core.callback.ProviderEvents;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.guard.ProviderMetrics;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/webhooks/{providerId}}: a provider's server tells us about a payment (IPN, webhook).
 * The provider's plugin verifies the raw bytes; a verified event is stored once and acknowledged in the
 * form the provider expects, then applied asynchronously; a duplicate is acknowledged and ignored; a
 * forged or unverifiable one is refused with 401, counted, and changes nothing.
 */
@Path("/webhooks")
@RequestScoped
public class WebhookResource {

    @Inject
    PaymentProviders payments;

    @Inject
    ProviderEvents events;

    @Inject
    ProviderMetrics metrics;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    @POST
    @Path("/{providerId}")
    @Operation(summary = "Receive a provider's payment notification (IPN/webhook)")
    public Response receive(@PathParam("providerId") String providerId, byte[] body) {
        var request = new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "POST", uri.getRequestUri(),
                java.net.http.HttpHeaders.of(headers.getRequestHeaders(), (name, value) -> true),
                body == null ? new byte[0] : body, Optional.ofNullable(servletRequest.getRemoteAddr()));
        CallbackOutcome outcome;
        try {
            outcome = payments.verifyCallback(providerId, request);
        } catch (ProviderUnavailableException e) {
            return Problem.of(Response.Status.NOT_FOUND, "no active payment provider " + providerId).toResponse();
        }
        if (outcome instanceof CallbackOutcome.Verified verified) {
            events.receive(providerId, verified).ifPresent(events::applyLater);
            var reply = verified.reply();
            return Response.status(reply.status()).type(reply.contentType()).entity(reply.body()).build();
        }
        metrics.rejectedCallback(providerId);
        return Problem.of(Response.Status.UNAUTHORIZED, "the notification could not be verified").toResponse();
    }
}
