package io.tijarat.web.admin;

import io.tijarat.core.order.OrderAdministration;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.payment.refund.RefundLedger;
import io.tijarat.core.payment.refund.RefundService;
import io.tijarat.core.shipment.Fulfilment;
import io.tijarat.core.shipment.ShipmentLedger;
import io.tijarat.core.payment.refund.RefundView;
import io.tijarat.web.idempotency.IdempotentRequests;
import io.tijarat.web.json.JsonBodies;
import io.tijarat.web.json.StrictJsonb;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import io.tijarat.core.payment.banktransfer.BankTransfers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Orders for shop staff. */
@Path("/admin/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({TijaratApplication.ADMIN, TijaratApplication.STAFF})
@Tag(name = "Admin: orders", description = "Roles: admin, staff (confirming a bank transfer and refunds: admin only).")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminOrderResource {

    @Inject
    OrderAdministration orders;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Inject
    RefundService refunds;

    @Inject
    RefundLedger refundLedger;

    @Inject
    Fulfilment fulfilment;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    BankTransfers bankTransfers;

    /** What staff heard from a cash-on-delivery customer; recorded in the order's history. */
    public record ConfirmRequest(String note) {
    }

    /**
     * A bank transfer that arrived: the bank's transaction id, the amount in paisa if it differs from the
     * order's total, and a note.
     */
    public record BankTransferRequest(String bankReference, Long amountMinor, String note) {
    }

    /** Why an order is cancelled; recorded in its history. */
    public record CancelRequest(String reason) {
    }

    /**
     * A refund: the amount in paisa, why, which payment it gives back ({@code attemptId}; required when the
     * order has more than one approved payment) and — when the payment provider cannot refund — {@code manual:
     * true} to record that staff paid the customer back themselves.
     */
    public record RefundRequestBody(Long amountMinor, String reason, Boolean manual, String attemptId) {
    }

    @GET
    @Operation(operationId = "listOrders", summary = "List orders, newest first, filtered by state, date and providers")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderPage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OrderAdministration.Page list(
            @QueryParam("status") @Parameter(description = "e.g. PAID, CONFIRMED")
            @Schema(ref = "OrderStatus") String status,
            @QueryParam("from") @Parameter(description = "created at or after (ISO-8601 instant)") String from,
            @QueryParam("to") @Parameter(description = "created before (ISO-8601 instant)") String to,
            @QueryParam("paymentProvider") @Parameter(description = "provider id, e.g. cod") String paymentProvider,
            @QueryParam("shippingProvider") @Parameter(description = "provider id, e.g. flat-rate") String shippingProvider,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "from 0")
            @Schema(ref = "OrderPageNumber") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100")
            @Schema(ref = "PageSize") int size) {
        var filter = new OrderAdministration.Filter(status(status), instant("from", from), instant("to", to),
                QueryParams.maxLength("paymentProvider", paymentProvider, 40),
                QueryParams.maxLength("shippingProvider", shippingProvider, 40));
        return orders.list(filter, QueryParams.range("page", page, 0, 100_000),
                QueryParams.range("size", size, 1, OrderAdministration.MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{orderId}")
    @Operation(operationId = "getOrderDetail", summary = "An order with its lines and full history")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderDetail")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OrderAdministration.Detail detail(@PathParam("orderId") String orderId) {
        return orders.detail(orderId);
    }

    @POST
    @Path("/{orderId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelOrder", summary = "Cancel an order (before fulfilment) and put its stock back")
    @RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CancelRequest")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderDetail")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OrderAdministration.Detail cancel(@PathParam("orderId") String orderId, CancelRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "cancelled by staff" : QueryParams.maxLength("reason", request.reason().strip(), 300);
        return orders.cancel(orderId, reason, "staff:" + security.getUserPrincipal().getName());
    }

    @POST
    @Path("/{orderId}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmOrder",
            summary = "Confirm a cash-on-delivery order after speaking to the customer",
            description = "Moves an order AWAITING_CONFIRMATION to CONFIRMED, ready to fulfil; who and why go into "
                    + "its history. Confirming a CONFIRMED order again changes nothing.")
    @RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConfirmRequest")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OrderDetail")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OrderAdministration.Detail confirm(@PathParam("orderId") String orderId, ConfirmRequest request) {
        String note = request == null || request.note() == null ? null : QueryParams.maxLength("note", request.note().strip(), 300);
        return orders.confirmCashOnDelivery(orderId, note, "staff:" + security.getUserPrincipal().getName());
    }

    @POST
    @Path("/{orderId}/bank-transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TijaratApplication.ADMIN)
    @Operation(operationId = "confirmBankTransfer", summary = "Confirm that an order's bank transfer arrived",
            description = "Settles the order's bank-transfer payment with the bank's reference, recording who confirmed "
                    + "it and when. A reference confirms one order only; the same confirmation again answers "
                    + "alreadyConfirmed=true. An amount other than the total is recorded and flagged, not accepted.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BankTransferRequest")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BankTransferConfirmation")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public BankTransfers.Confirmation confirmTransfer(@PathParam("orderId") String orderId, BankTransferRequest request) {
        if (request == null) {
            throw new InvalidInputException("bankReference", "is required");
        }
        return bankTransfers.confirm(orderId, request.bankReference(), request.amountMinor(),
                "admin:" + security.getUserPrincipal().getName(), request.note());
    }

    @POST
    @Path("/{orderId}/fulfil")
    @Operation(operationId = "fulfilOrder",
            summary = "Book the order's parcel with its courier (with the COD amount for cash on delivery)",
            description = "A refused booking leaves the order fulfillable, with the courier's reason in 'error'.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ShipmentLedger.View fulfil(@PathParam("orderId") String orderId) {
        return fulfilment.fulfil(orderId);
    }

    @POST
    @Path("/{orderId}/return-pickup")
    @Operation(operationId = "returnPickup",
            summary = "Book a reverse pickup for a delivered order: the courier collects the parcel from the customer",
            description = "Only with a courier that offers reverse pickups through its API. The reference on the slip is"
                    + " the order number suffixed -R; nothing is collected, and the order does not move (refunds are"
                    + " separate).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShipmentView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ShipmentLedger.View returnPickup(@PathParam("orderId") String orderId) {
        return fulfilment.returnPickup(orderId);
    }

    @POST
    @Path("/{orderId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(TijaratApplication.ADMIN)
    @Operation(operationId = "refundOrder", summary = "Refund all or part of an order (requires an Idempotency-Key)",
            description = "Through the payment provider when it can refund; otherwise answered 422 until staff "
                    + "confirm a manual refund with manual=true. Refunds never add up to more than was paid. "
                    + "attemptId names the payment refunded; an order with several approved payments and no "
                    + "attemptId is refused (422, ambiguous). A refund the provider cannot make for the instrument "
                    + "that paid is answered 201 with status AWAITING_STAFF.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RefundRequest")))
    @APIResponse(responseCode = "201",
            description = "Created (a replay of the same Idempotency-Key and body answers the same)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RefundView")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response refund(@PathParam("orderId") String orderId,
                           @HeaderParam("Idempotency-Key") @Parameter(required = true) String key,
                           byte[] body) {
        String actor = "admin:" + security.getUserPrincipal().getName();
        return idempotent.executeOnResource(actor, "refund", key, orderId, body, recordId -> {
            RefundRequestBody request = JsonBodies.parse(body, RefundRequestBody.class);
            if (request.amountMinor() == null) {
                throw new InvalidInputException("amountMinor", "is required");
            }
            RefundView refund = refunds.refund(orderId, request.attemptId(), request.amountMinor(), request.reason(),
                    Boolean.TRUE.equals(request.manual()), actor, recordId);
            return refundCreated(orderId, refund);
        }, refundId -> refundCreated(orderId, refundLedger.view(refundId)));
    }

    private IdempotentRequests.Created refundCreated(String orderId, RefundView refund) {
        return new IdempotentRequests.Created(StrictJsonb.jsonb().toJson(refund),
                uri.getBaseUriBuilder().path("admin/orders").path(orderId).build());
    }

    private static OrderStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "is not an order state");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant like 2026-11-26T00:00:00Z");
        }
    }
}
