package io.tijarat.web.admin;

import io.tijarat.core.webhook.WebhookDeliveryView;
import io.tijarat.core.webhook.WebhookView;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Merchant webhooks for admins: register a URL for order events (the signing secret is in that answer
 * only), rotate the secret (the new one is in that answer only), list them with their state, switch them off and on, delete them, and look at and retry their
 * deliveries. README: Merchant webhooks.
 */
@Path("/admin/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
@Tag(name = "Admin: merchant webhooks", description = "Roles: admin.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminWebhooksResource {

    @Inject
    MerchantWebhooks webhooks;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook",
            summary = "Register a URL for order events; the answer holds the signing secret, shown this once")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookRequest")))
    @APIResponse(responseCode = "201", description = "Created; the secret is shown only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookCreated")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(WebhookRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        var registration = webhooks.register(request.url(), request.events());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(registration.endpoint().id()).build())
                .entity(WebhookCreated.of(registration)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks",
            summary = "Every webhook: URL, events, active or disabled (with the reason), failures in a row")
    @APIResponse(responseCode = "200", ref = "WebhookList")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<WebhookView> list() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{webhookId}")
    @Operation(operationId = "getWebhook", summary = "One webhook")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public WebhookView get(@PathParam("webhookId") String webhookId) {
        return webhooks.find(webhookId).map(WebhookView::of)
                .orElseThrow(() -> new NotFoundException("no webhook with this id"));
    }

    @POST
    @Path("/{webhookId}/enable")
    @Operation(operationId = "enableWebhook",
            summary = "Send to a disabled webhook again; its failure count starts from zero")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public WebhookView enable(@PathParam("webhookId") String webhookId) {
        return WebhookView.of(webhooks.enable(webhookId));
    }

    @POST
    @Path("/{webhookId}/disable")
    @Operation(operationId = "disableWebhook", summary = "Stop sending to a webhook; its pending deliveries are parked")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public WebhookView disable(@PathParam("webhookId") String webhookId) {
        return WebhookView.of(webhooks.disable(webhookId));
    }

    @POST
    @Path("/{webhookId}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret",
            summary = "Give a webhook a new signing secret, shown this once; the previous one keeps signing beside it "
                    + "for the grace period (tijarat.webhooks.secret-grace-seconds, 24 h by default)")
    @APIResponse(responseCode = "200", description = "Rotated; the new secret is shown only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookSecretRotated")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public WebhookSecretRotated rotateSecret(@PathParam("webhookId") String webhookId) {
        return WebhookSecretRotated.of(webhooks.rotateSecret(webhookId));
    }

    @DELETE
    @Path("/{webhookId}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response delete(@PathParam("webhookId") String webhookId) {
        if (!webhooks.delete(webhookId)) {
            throw new NotFoundException("no webhook with this id");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "A webhook's recent deliveries, newest first: status, attempts, last status code or error")
    @APIResponse(responseCode = "200", ref = "DeliveryList")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<WebhookDeliveryView> deliveries(@PathParam("webhookId") String webhookId,
                                                @QueryParam("limit") @DefaultValue("50") @Schema(ref = "DeliveryLimit") int limit) {
        return webhooks.deliveries(webhookId, QueryParams.range("limit", limit, 1, 200)).stream()
                .map(WebhookDeliveryView::of).toList();
    }

    @POST
    @Path("/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery",
            summary = "Queue a FAILED delivery again, with a fresh retry schedule (its webhook must be active)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookDeliveryView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public WebhookDeliveryView retry(@PathParam("deliveryId") String deliveryId) {
        return WebhookDeliveryView.of(webhooks.retry(deliveryId));
    }
}
