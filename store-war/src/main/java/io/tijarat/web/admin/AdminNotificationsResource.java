package io.tijarat.web.admin;

import io.tijarat.core.outbox.MessageView;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.outbox.OutboxMessage;
import io.tijarat.core.outbox.OutboxRelay;
import io.tijarat.core.outbox.OutboxStore;
import io.tijarat.web.TijaratApplication;
import io.tijarat.web.problem.InvalidInputException;
import io.tijarat.web.problem.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notification outbox for admins: parked and uncertain messages, retrying one, running the relay now. */
@Path("/admin/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(TijaratApplication.ADMIN)
@Tag(name = "Admin: notifications", description = "Roles: admin.")
@SecurityRequirement(name = TijaratApplication.BEARER_JWT)
// Bodies: META-INF/openapi.yaml. 401/403 are answered before the method runs.
public class AdminNotificationsResource {

    @Inject
    OutboxStore store;

    @Inject
    OutboxRelay relay;


    @GET
    @Operation(operationId = "listNotifications", summary = "Outbox messages in a state (default PARKED), newest first;"
            + " with orderId, that order's messages in every state, with their delivery status")
    @APIResponse(responseCode = "200", ref = "MessageList")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<MessageView> list(
            @QueryParam("state") @DefaultValue("PARKED") @Schema(ref = "MessageState") String state,
            @QueryParam("orderId") @Parameter(description = "one order's messages, whatever their state") String orderId) {
        if (orderId != null) {
            return store.ofOrder(QueryParams.maxLength("orderId", orderId, 36), 200).stream().map(MessageView::of).toList();
        }
        OutboxMessage.State wanted;
        try {
            wanted = OutboxMessage.State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be PENDING, SENT, PARKED or UNCERTAIN");
        }
        return store.list(wanted, 200).stream().map(MessageView::of).toList();
    }

    @POST
    @Path("/{messageId}/retry")
    @Operation(operationId = "retryNotification", summary = "Queue a parked or uncertain message again")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MessageView")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public MessageView retry(@PathParam("messageId") String messageId) {
        // The message itself, by id: looking it up in a page of pending messages missed it behind 200 newer ones.
        return store.retry(messageId).map(MessageView::of)
                .orElseThrow(() -> new NotFoundException("no unsent message with this id"));
    }

    @POST
    @Path("/relay")
    @Operation(operationId = "runNotificationRelay",
            summary = "Run the outbox relay now instead of waiting for its schedule")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OutboxRun")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OutboxRelay.Run relay() {
        return relay.runOnce();
    }
}
