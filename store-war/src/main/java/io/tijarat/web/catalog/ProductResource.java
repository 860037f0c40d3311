package io.tijarat.web.catalog;

import io.tijarat.core.catalog.CatalogPages;
import io.tijarat.core.catalog.CatalogQueries;
import io.tijarat.core.catalog.ProductPage;
import io.tijarat.core.crypto.Sha256;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.tijarat.web.problem.QueryParams;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import io.tijarat.web.json.StrictJsonb;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The storefront's product listing. */
@Path("/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class ProductResource {

    @Inject
    CatalogPages pages;

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    @Context
    Request request;

    @GET
    @Operation(operationId = "listProducts",
            summary = "List active products", description = "Paged, ordered by title; q searches title and description: every word"
            + " must appear, as a word or the start of one (\"lawn kur\" finds \"Lawn kurta\"), in English or Urdu;"
            + " text of only one- or two-letter words is matched as a substring. "
            + "Answers carry an ETag: send it back in If-None-Match to get 304 Not Modified when nothing changed.")
    // The bodies and their examples are in META-INF/openapi.yaml (why: see there).
    @APIResponse(responseCode = "200", ref = "ProductPage")
    @APIResponse(responseCode = "304", description = "Not Modified: If-None-Match matched the current ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    // @Schema(ref) on integer query parameters: Payara writes their @DefaultValue as a string; the schemas in
    // META-INF/openapi.yaml carry the default as a number, and the range QueryParams enforces.
    public Response list(
            @QueryParam("q") @Parameter(description = "Text to look for in title and description (at most 100 characters)", example = "chappal") String q,
            @QueryParam("page") @DefaultValue("0") @Parameter(description = "Page number, 0 to 10000")
            @Schema(ref = "ProductPageNumber") int page,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "Page size, 1 to 100")
            @Schema(ref = "PageSize") int size) {
        ProductPage result = pages.listActive(QueryParams.maxLength("q", q, 100),
                QueryParams.range("page", page, 0, 10_000),
                QueryParams.range("size", size, 1, CatalogQueries.MAX_PAGE_SIZE));
        // The tag is the hash of exactly what we would send, so it changes whenever the page does.
        String json = StrictJsonb.jsonb().toJson(result);
        EntityTag tag = new EntityTag(Sha256.hex(json).substring(0, 32));
        var cache = new CacheControl();
        cache.setMaxAge(settings.catalogCacheSeconds());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).tag(tag).cacheControl(cache).build();
    }
}
