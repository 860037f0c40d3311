package io.tijarat.web.order;

import io.tijarat.core.checkout.OrderView;
import io.tijarat.core.checkout.PaymentRecorder;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A customer's order. The access token travels in a header, not the URL, so it does not end up in
 * access logs or browser history.
 */
@Path("/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    PaymentRecorder orders;

    @GET
    @Path("/{orderId}")
    @Operation(summary = "Read an order (needs the X-Order-Token returned at checkout)")
    public OrderView get(@PathParam("orderId") String orderId, @HeaderParam("X-Order-Token") String token) {
        return orders.viewWithToken(orderId, token);
    }
}
