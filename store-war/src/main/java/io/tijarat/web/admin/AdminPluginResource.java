package io.tijarat.web.admin;

import io.tijarat.core.plugin.PluginEntry;
import io.tijarat.core.provider.PluginProviders;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plugin directory as the server sees it, and switching providers on and off. */
@Path("/admin/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
@Tag(name = "Admin: plugins", description = "Roles: admin.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminPluginResource {

    @Inject
    PluginProviders plugins;

    /** One provider (or a jar the host could not read) with its state and why. */
    public record PluginView(String providerId, String kind, String displayName, String version, String spiVersion,
                             String jar, String sha256, String state, String reason, String circuitBreaker) {
    }

    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "listPlugins",
            summary = "Every plugin jar and provider: version, SPI version, SHA-256, state and reason")
    @APIResponse(responseCode = "200", ref = "PluginList")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<PluginView> list() {
        return plugins.entries().stream().map(this::view).toList();
    }

    @POST
    @Path("/{providerId}/disable")
    @Operation(operationId = "disablePlugin",
            summary = "Stop offering a provider (calls in flight finish); it stays off across restarts")
    @APIResponse(responseCode = "200", ref = "PluginList")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<PluginView> disable(@PathParam("providerId") String providerId) {
        plugins.disable(known(providerId), "admin:" + security.getUserPrincipal().getName());
        return list();
    }

    @POST
    @Path("/{providerId}/enable")
    @Operation(operationId = "enablePlugin", summary = "Offer a disabled provider again")
    @APIResponse(responseCode = "200", ref = "PluginList")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<PluginView> enable(@PathParam("providerId") String providerId) {
        plugins.enable(known(providerId), "admin:" + security.getUserPrincipal().getName());
        return list();
    }

    private String known(String providerId) {
        if (plugins.entries().stream().noneMatch(e -> e.providerId().filter(providerId::equals).isPresent())) {
            throw new InvalidInputException("providerId", "no installed provider has this id");
        }
        return providerId;
    }

    private PluginView view(PluginEntry e) {
        String breaker = e.providerId().map(id -> plugins.breakerRecentlyOpen(id) ? "OPEN" : "CLOSED").orElse(null);
        return new PluginView(e.providerId().orElse(null), e.kind().map(Enum::name).orElse(null),
                e.displayName().orElse(null), e.pluginVersion().orElse(null), e.declaredSpiVersion().orElse(null),
                e.jarFileName(), e.sha256().orElse(null), e.state().name(), e.reason().orElse(null), breaker);
    }
}
