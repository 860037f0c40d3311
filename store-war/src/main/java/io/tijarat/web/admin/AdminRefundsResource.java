package io.tijarat.web.admin;

import io.tijarat.core.payment.refund.RefundLedger;
import io.tijarat.core.payment.refund.RefundService;
import io.tijarat.core.payment.refund.RefundStatus;
import io.tijarat.core.payment.refund.RefundView;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.idempotency.IdempotentRequests;
import io.tijarat.web.json.JsonBodies;
import io.tijarat.web.json.StrictJsonb;
import io.tijarat.web.problem.InvalidInputException;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Refunds that are not final: the ones the provider is still processing, and the ones waiting for staff (the
 * provider cannot make them for the instrument that paid, or cannot be asked about them), which an admin
 * resolves. Creating a refund is {@code POST /api/admin/orders/{id}/refunds}.
 */
@Path("/admin/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({TijaratApplication.ADMIN, TijaratApplication.STAFF})
@Tag(name = "Admin: refunds", description = "Roles: admin, staff (resolving a refund: admin only).")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminRefundsResource {

    @Inject
    RefundService refunds;

    @Inject
    RefundLedger ledger;

    @Inject
    IdempotentRequests idempotent;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /**
     * An admin's resolution of a refund the provider did not settle: {@code succeeded} with the reference of
     * the money sent back, or {@code failed}; {@code reason} is kept with who resolved it and when.
     */
    public record RefundResolutionBody(String outcome, String gatewayReference, String reason) {
    }

    @GET
    @Operation(operationId = "listOpenRefunds", summary = "Refunds that are not final, oldest first",
            description = "Status AWAITING_STAFF: the provider cannot refund this payment or cannot be asked about "
                    + "it; an admin refunds by hand and resolves it. PENDING and UNKNOWN ones are asked about by "
                    + "the reconciler.")
    @APIResponse(responseCode = "200", ref = "RefundList")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<RefundView> open(
            @QueryParam("status") @Parameter(description = "one state that is not final, e.g. AWAITING_STAFF")
            @Schema(ref = "OpenRefundStatus") String status,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100")
            @Schema(ref = "PageSize") int size) {
        return ledger.open(status(status), QueryParams.range("size", size, 1, 100));
    }

    @GET
    @Path("/{refundId}")
    @Operation(operationId = "getRefund", summary = "One refund, with its resolution if an admin resolved it")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RefundView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RefundView get(@PathParam("refundId") String refundId) {
        return ledger.view(QueryParams.maxLength("refundId", refundId, 20));
    }

    @POST
    @Path("/{refundId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TijaratApplication.ADMIN)
    @Operation(operationId = "resolveRefund",
            summary = "Resolve a refund the provider did not settle (requires an Idempotency-Key)",
            description = "succeeded (with gatewayReference: the money went back) or failed (no money moved: the "
                    + "amount can be refunded again). Audited: who (the token's subject), when, why. A refund that "
                    + "is already final is 409.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RefundResolution")))
    @APIResponse(responseCode = "201",
            description = "Resolved (a replay of the same Idempotency-Key and body answers the same)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RefundView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response resolve(@PathParam("refundId") String refundId,
                            @HeaderParam("Idempotency-Key") @Parameter(required = true) String key,
                            byte[] body) {
        String actor = "admin:" + security.getUserPrincipal().getName();
        return idempotent.executeOnResource(actor, "refund-resolution", key, refundId, body, recordId -> {
            RefundResolutionBody request = JsonBodies.parse(body, RefundResolutionBody.class);
            RefundView view = refunds.resolve(QueryParams.maxLength("refundId", refundId, 20), request.outcome(),
                    request.gatewayReference(), request.reason(), actor, recordId);
            return created(view);
        }, id -> created(ledger.view(id)));
    }

    private IdempotentRequests.Created created(RefundView view) {
        return new IdempotentRequests.Created(StrictJsonb.jsonb().toJson(view),
                uri.getBaseUriBuilder().path("admin/refunds").path(view.id()).build());
    }

    private static RefundStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            RefundStatus status = RefundStatus.valueOf(value);
            if (status.isFinal()) {
                throw new InvalidInputException("status", "must be a state that is not final");
            }
            return status;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "is not a refund state");
        }
    }
}
