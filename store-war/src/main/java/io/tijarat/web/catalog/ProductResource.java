package io.tijarat.web.catalog;

import io.tijarat.core.catalog.CatalogQueries;
import io.tijarat.core.catalog.ProductPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.tijarat.web.problem.QueryParams;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The storefront's product listing. */
@Path("/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    CatalogQueries catalog;

    @GET
    @Operation(summary = "List active products", description = "Paged, ordered by title; q searches title and description.")
    public ProductPage list(
            @QueryParam("q") @Parameter(description = "Text to look for in title and description (at most 100 characters)", example = "chappal") String q,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "Page number, 0 to 10000") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "Page size, 1 to 100") int size) {
        return catalog.listActive(QueryParams.maxLength("q", q, 100),
                QueryParams.range("page", page, 0, 10_000),
                QueryParams.range("size", size, 1, CatalogQueries.MAX_PAGE_SIZE));
    }
}
