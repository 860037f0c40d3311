package io.tijarat.web.admin;

import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.webhook.MerchantWebhooks;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Merchant webhooks for admins: register a URL for order events (the signing secret is in that answer
 * only), list them with their state, switch them off and on, delete them, and look at and retry their
 * deliveries. README: Merchant webhooks.
 */
@Path("/admin/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
public class AdminWebhooksResource {

    @Inject
    MerchantWebhooks webhooks;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a URL for order events; the answer holds the signing secret, shown this once")
    public Response create(WebhookRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        var registration = webhooks.register(request.url(), request.events());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(registration.endpoint().id()).build())
                .entity(WebhookCreated.of(registration)).build();
    }

    @GET
    @Operation(summary = "Every webhook: URL, events, active or disabled (with the reason), failures in a row")
    public List<WebhookView> list() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{webhookId}")
    @Operation(summary = "One webhook")
    public WebhookView get(@PathParam("webhookId") String webhookId) {
        return webhooks.find(webhookId).map(WebhookView::of)
                .orElseThrow(() -> new NotFoundException("no webhook with this id"));
    }

    @POST
    @Path("/{webhookId}/enable")
    @Operation(summary = "Send to a disabled webhook again; its failure count starts from zero")
    public WebhookView enable(@PathParam("webhookId") String webhookId) {
        return WebhookView.of(webhooks.enable(webhookId));
    }

    @POST
    @Path("/{webhookId}/disable")
    @Operation(summary = "Stop sending to a webhook; its pending deliveries are parked")
    public WebhookView disable(@PathParam("webhookId") String webhookId) {
        return WebhookView.of(webhooks.disable(webhookId));
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(summary = "Delete a webhook and its deliveries")
    public Response delete(@PathParam("webhookId") String webhookId) {
        if (!webhooks.delete(webhookId)) {
            throw new NotFoundException("no webhook with this id");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(summary = "A webhook's recent deliveries, newest first: status, attempts, last status code or error")
    public List<WebhookDeliveryView> deliveries(@PathParam("webhookId") String webhookId,
                                                @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(webhookId, QueryParams.range("limit", limit, 1, 200)).stream()
                .map(WebhookDeliveryView::of).toList();
    }

    @POST
    @Path("/deliveries/{deliveryId}/retry")
    @Operation(summary = "Queue a FAILED delivery again, with a fresh retry schedule (its webhook must be active)")
    public WebhookDeliveryView retry(@PathParam("deliveryId") String deliveryId) {
        return WebhookDeliveryView.of(webhooks.retry(deliveryId));
    }
}
