package io.tijarat.web.cart;

import io.tijarat.core.cart.CartService;
import io.tijarat.core.cart.CartView;
import io.tijarat.core.checkout.ShippingOptions;
import io.tijarat.web.problem.QueryParams;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.tijarat.web.problem.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Carts: create one, read it, set or remove lines. The cart id is the bearer of the cart. */
@Path("/carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cart")
// Bodies and examples: META-INF/openapi.yaml.
public class CartResource {

    @Inject
    CartService carts;

    @Inject
    ShippingOptions shippingOptions;

    @Context
    UriInfo uri;

    /** The body of a line update: only the quantity can be set; prices come from the catalog. */
    public record LineUpdate(Integer quantity) {
    }

    @POST
    @Operation(operationId = "createCart", summary = "Create an empty cart")
    @APIResponse(responseCode = "201", ref = "CartCreated")
    public Response create() {
        CartView cart = carts.create();
        return Response.created(uri.getBaseUriBuilder().path("carts").path(cart.id()).build()).entity(cart).build();
    }

    @GET
    @Path("/{cartId}")
    @Operation(operationId = "getCart", summary = "Read a cart with its totals")
    @APIResponse(responseCode = "200", ref = "Cart")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CartView get(@PathParam("cartId") String cartId) {
        return carts.get(cartId);
    }

    @PUT
    @Path("/{cartId}/lines/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCartLine", summary = "Set the quantity of a SKU in the cart (0 removes it)")
    @RequestBody(ref = "LineUpdate")
    @APIResponse(responseCode = "200", ref = "Cart")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public CartView setLine(@PathParam("cartId") String cartId, @PathParam("sku") String sku, LineUpdate update) {
        if (update == null || update.quantity() == null) {
            throw new InvalidInputException("quantity", "is required");
        }
        return carts.setQuantity(cartId, sku, update.quantity());
    }

    @GET
    @Path("/{cartId}/shipping-options")
    @Operation(operationId = "listShippingOptions",
            summary = "Ways to ship this cart to a city, cheapest first (send the chosen provider and service at checkout)",
            description = "Name the payment provider the customer chose: a cash-on-delivery order pays the courier's"
                    + " cash-handling fee, a prepaid one does not, so without it the prices are prepaid prices.")
    @APIResponse(responseCode = "200", ref = "ShippingOptions")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<ShippingOptions.Option> shippingOptions(@PathParam("cartId") String cartId,
            @QueryParam("city") @Parameter(description = "destination city, English or Urdu name", example = "Lahore") String city,
            @QueryParam("paymentProvider") @Parameter(description = "how the customer will pay, e.g. cod or jazzcash",
                    example = "cod") String paymentProvider) {
        return shippingOptions.forCart(cartId, QueryParams.maxLength("city", city, 100),
                QueryParams.maxLength("paymentProvider", paymentProvider, 64));
    }

    @DELETE
    @Path("/{cartId}/lines/{sku}")
    @Operation(operationId = "removeCartLine", summary = "Remove a SKU from the cart")
    @APIResponse(responseCode = "200", ref = "Cart")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public CartView removeLine(@PathParam("cartId") String cartId, @PathParam("sku") String sku) {
        return carts.setQuantity(cartId, sku, 0);
    }
}
