package io.tijarat.web.webhook;

import io.tijarat.core.inbound.InboundEvents;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.web.problem.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/webhooks/{providerId}}: a provider's server tells us about a payment (IPN, webhook) or, for
 * a courier declaring {@code TRACKING_WEBHOOKS} (SPI 1.1), about a parcel. Provider ids are unique across kinds,
 * so the id says which. The provider's plugin verifies the raw bytes; a forged or unverifiable request is refused
 * with 401, counted, and changes nothing.
 * <ul>
 *   <li>Payment: a verified event is stored once and acknowledged in the form the provider expects, then applied
 *       asynchronously; a duplicate is acknowledged and ignored.</li>
 *   <li>Tracking: a verified event is stored once and applied at once (a local update) through the same
 *       forward-only function as polled tracking, then acknowledged; a duplicate is acknowledged and ignored; a
 *       failure to apply answers 500, with nothing stored, so the courier's retry tries again.</li>
 * </ul>
 */
@Path("/webhooks")
@RequestScoped
@Tag(name = "Provider webhooks")
// Bodies: META-INF/openapi.yaml. Bodies and acknowledgements are in each provider's own format.
public class WebhookResource {

    @Inject
    InboundEvents inbound;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest servletRequest;

    /** The sender's address handed to the plugin: behind a trusted proxy, the forwarded one. */
    @Inject
    io.tijarat.web.ratelimit.ClientAddresses clients;

    @POST
    @Path("/{providerId}")
    @Operation(operationId = "receiveProviderWebhook",
            summary = "Receive a provider's payment notification (IPN/webhook) or a courier's tracking webhook")
    @RequestBody(ref = "ProviderNotification")
    @APIResponse(responseCode = "200", ref = "ProviderAcknowledged")
    @APIResponse(responseCode = "401", ref = "NotVerified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "500", ref = "NotApplied")
    public Response receive(@PathParam("providerId") String providerId, byte[] body) {
        return receive(providerId, "POST", body);
    }

    /** EasyPaisa notifies with a bodiless {@code GET ?url=…}; the plugin decides what a GET may say. */
    @GET
    @Path("/{providerId}")
    @Operation(operationId = "receiveProviderWebhookGet",
            summary = "Receive a provider's notification sent as a GET (EasyPaisa's IPN)")
    @APIResponse(responseCode = "200", ref = "ProviderAcknowledged")
    @APIResponse(responseCode = "401", ref = "NotVerified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response receiveGet(@PathParam("providerId") String providerId) {
        return receive(providerId, "GET", new byte[0]);
    }

    private Response receive(String providerId, String method, byte[] body) {
        var request = new CallbackRequest(CallbackRequest.Source.NOTIFICATION, method, uri.getRequestUri(),
                java.net.http.HttpHeaders.of(headers.getRequestHeaders(), (name, value) -> true),
                body == null ? new byte[0] : body, Optional.ofNullable(clients.of(servletRequest)));
        return inbound.notification(providerId, request).map(
                reply -> Response.status(reply.status()).type(reply.contentType()).entity(reply.body()).build(),
                reason -> Problem.of(Response.Status.UNAUTHORIZED, reason).toResponse(),
                reason -> Problem.of(Response.Status.NOT_FOUND, reason).toResponse());
    }
}
