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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog for shop admins. */
@Path("/admin/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
@Tag(name = "Admin: catalog", description = "Roles: admin.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminCatalogResource {

    @Inject
    CatalogAdministration catalog;

    @POST
    @Operation(operationId = "createProduct", summary = "Add a product with its variants (prices in paisa)")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewProduct")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProductSummary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response create(CatalogAdministration.NewProduct product) {
        if (product == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        ProductSummary created = catalog.create(product);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PATCH
    @Path("/variants/{sku}")
    @Operation(operationId = "changeVariant", summary = "Change a variant's title, price or stock")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VariantChange")))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProductSummary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ProductSummary changeVariant(@PathParam("sku") String sku, CatalogAdministration.VariantChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        return catalog.changeVariant(sku, change);
    }

    @DELETE
    @Path("/{productId}")
    @Operation(operationId = "deactivateProduct", summary = "Take a product off the storefront")
    @APIResponse(responseCode = "204", description = "Taken off the storefront")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response deactivate(@PathParam("productId") String productId) {
        catalog.deactivate(productId);
        return Response.noContent().build();
    }
}
