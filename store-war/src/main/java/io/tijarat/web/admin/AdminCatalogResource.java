package io.tijarat.web.admin;

import io.tijarat.core.catalog.CatalogAdministration;
import io.tijarat.core.catalog.ProductSummary;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The catalog for shop admins. */
@Path("/admin/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
public class AdminCatalogResource {

    @Inject
    CatalogAdministration catalog;

    @POST
    @Operation(summary = "Add a product with its variants (prices in paisa)")
    public Response create(CatalogAdministration.NewProduct product) {
        if (product == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        ProductSummary created = catalog.create(product);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PATCH
    @Path("/variants/{sku}")
    @Operation(summary = "Change a variant's title, price or stock")
    public ProductSummary changeVariant(@PathParam("sku") String sku, CatalogAdministration.VariantChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return catalog.changeVariant(sku, change);
    }

    @DELETE
    @Path("/{productId}")
    @Operation(summary = "Take a product off the storefront")
    public Response deactivate(@PathParam("productId") String productId) {
        catalog.deactivate(productId);
        return Response.noContent().build();
    }
}
