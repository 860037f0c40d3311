package io.tijarat.web.admin;

import io.tijarat.core.order.OrderAdministration;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Orders for shop staff. */
@Path("/admin/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({TijaratApplication.ADMIN, TijaratApplication.STAFF})
public class AdminOrderResource {

    @Inject
    OrderAdministration orders;

    @Context
    SecurityContext security;

    /** Why an order is cancelled; recorded in its history. */
    public record CancelRequest(String reason) {
    }

    @GET
    @Operation(summary = "List orders, newest first, filtered by state, date and providers")
    public OrderAdministration.Page list(
            @QueryParam("status") @Parameter(description = "e.g. PAID, CONFIRMED") String status,
            @QueryParam("from") @Parameter(description = "created at or after (ISO-8601 instant)") String from,
            @QueryParam("to") @Parameter(description = "created before (ISO-8601 instant)") String to,
            @QueryParam("paymentProvider") @Parameter(description = "provider id, e.g. cod") String paymentProvider,
            @QueryParam("shippingProvider") @Parameter(description = "provider id, e.g. flat-rate") String shippingProvider,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "from 0") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "1 to 100") int size) {
        var filter = new OrderAdministration.Filter(status(status), instant("from", from), instant("to", to),
                QueryParams.maxLength("paymentProvider", paymentProvider, 40),
                QueryParams.maxLength("shippingProvider", shippingProvider, 40));
        return orders.list(filter, QueryParams.range("page", page, 0, 100_000),
                QueryParams.range("size", size, 1, OrderAdministration.MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{orderId}")
    @Operation(summary = "An order with its lines and full history")
    public OrderAdministration.Detail detail(@PathParam("orderId") String orderId) {
        return orders.detail(orderId);
    }

    @POST
    @Path("/{orderId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an order (before fulfilment) and put its stock back")
    public OrderAdministration.Detail cancel(@PathParam("orderId") String orderId, CancelRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "cancelled by staff" : QueryParams.maxLength("reason", request.reason().strip(), 300);
        return orders.cancel(orderId, reason, "staff:" + security.getUserPrincipal().getName());
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
