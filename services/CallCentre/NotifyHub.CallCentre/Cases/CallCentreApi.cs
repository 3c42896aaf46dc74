using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.CallCentre.Callbacks;
using NotifyHub.CallCentre.Queue;
using NotifyHub.CallCentre.Support;
using NotifyHub.CallCentre.Verification;
using NotifyHub.Privacy.Access;
using System.Security.Claims;

namespace NotifyHub.CallCentre.Cases;

/// <summary>The vendor's side: agents verify callers and work cases; supervisors watch the queue and unblock agents.</summary>
public static class CallCentreApi
{
    /// <summary>Supervisors (of the blocked agent's vendor, checked by the key service) and admins.</summary>
    public const string UnblockPolicy = "CallCentre.Unblock";

    public static IEndpointRouteBuilder MapCallCentreApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/callcentre").WithTags("Call centre");
        api.MapPost("/verifications", VerifyAsync).WithName("VerifyCaller").RequireAuthorization(Roles.Agent);
        api.MapGet("/cases/{id:guid}", GetCaseAsync).WithName("GetCase").RequireAuthorization(Roles.Agent);
        api.MapPost("/cases/{id:guid}/notes", AddNoteAsync).WithName("AddCaseNote").RequireAuthorization(Roles.Agent);
        api.MapPost("/cases/{id:guid}/callbacks", ScheduleCallbackAsync).WithName("ScheduleCallback").RequireAuthorization(Roles.Agent);
        api.MapPost("/cases/{id:guid}/resend", ResendAsync).WithName("RequestResend").RequireAuthorization(Roles.Agent);
        api.MapPost("/cases/{id:guid}/escalate", EscalateAsync).WithName("EscalateCase").RequireAuthorization(Roles.Agent);
        api.MapPost("/cases/{id:guid}/close", CloseAsync).WithName("CloseCase").RequireAuthorization(Roles.Agent);
        api.MapGet("/callbacks", ListCallbacksAsync).WithName("ListCallbacks").RequireAuthorization(Roles.Agent);
        api.MapPost("/callbacks/{id:guid}/done", CallbackDoneAsync).WithName("CallbackDone").RequireAuthorization(Roles.Agent);
        api.MapGet("/queue", QueueAsync).WithName("CallCentreQueue").RequireAuthorization(Roles.Supervisor);
        api.MapPost("/agents/{id:guid}/unblock", UnblockAsync).WithName("UnblockAgent").RequireAuthorization(UnblockPolicy);
        return endpoints;
    }

    private static async Task<Ok<VerificationResult>> VerifyAsync(VerifyCaller body, ClaimsPrincipal user,
        CallerVerification verification, CancellationToken ct) =>
        TypedResults.Ok(await verification.VerifyAsync(body, CallCentreActor.From(user), ct));

    private static async Task<Ok<CaseView>> GetCaseAsync(Guid id, ClaimsPrincipal user, CaseReader cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.ReadAsync(id, CallCentreActor.From(user), ct));

    private static async Task<Created<Created>> AddNoteAsync(Guid id, AddNote body, ClaimsPrincipal user, CaseActions actions,
        CancellationToken ct)
    {
        var noteId = await actions.AddNoteAsync(id, body, CallCentreActor.From(user), ct);
        return TypedResults.Created($"/api/v1/callcentre/cases/{id}", new Created(noteId));
    }

    private static async Task<Created<CallbackCreated>> ScheduleCallbackAsync(Guid id, ScheduleCallback body, ClaimsPrincipal user,
        CallbackBook callbacks, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/callcentre/cases/{id}", await callbacks.ScheduleAsync(id, body, CallCentreActor.From(user), ct));

    private static async Task<Accepted> ResendAsync(Guid id, RequestResend body, ClaimsPrincipal user, CaseActions actions,
        CancellationToken ct)
    {
        await actions.ResendAsync(id, body, CallCentreActor.From(user), ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Accepted<Created>> EscalateAsync(Guid id, EscalateCase body, ClaimsPrincipal user, CaseActions actions,
        CancellationToken ct) =>
        TypedResults.Accepted((string?)null, new Created(await actions.EscalateAsync(id, body, CallCentreActor.From(user), ct)));

    private static async Task<Ok<CloseResult>> CloseAsync(Guid id, CloseCase body, ClaimsPrincipal user, CaseActions actions,
        CancellationToken ct) =>
        TypedResults.Ok(await actions.CloseAsync(id, body, CallCentreActor.From(user), ct));

    private static async Task<Ok<IReadOnlyList<CallbackListItem>>> ListCallbacksAsync(string? status, ClaimsPrincipal user,
        CallbackBook callbacks, CancellationToken ct) =>
        TypedResults.Ok(await callbacks.ListAsync(status, CallCentreActor.From(user), ct));

    private static async Task<NoContent> CallbackDoneAsync(Guid id, ClaimsPrincipal user, CallbackBook callbacks, CancellationToken ct)
    {
        await callbacks.DoneAsync(id, CallCentreActor.From(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<QueueView>> QueueAsync(ClaimsPrincipal user, SupervisorQueue queue, CancellationToken ct) =>
        TypedResults.Ok(await queue.ReadAsync(CallCentreActor.From(user), ct));

    private static async Task<Ok<Unblocked>> UnblockAsync(Guid id, ClaimsPrincipal user, KeyService keys, CancellationToken ct)
    {
        try
        {
            return await keys.UnblockAsync(id, CallCentreActor.From(user).ToPrivacyActor(), ct)
                ? TypedResults.Ok(new Unblocked(id, true))
                : throw ProblemException.Conflict("not_blocked", $"User {id} is not blocked.");
        }
        catch (AccessDeniedException)
        {
            // A supervisor of another vendor learns nothing about this user.
            throw ProblemException.NotFound("Blocked agent", id);
        }
    }

    public sealed record Created(Guid Id);

    public sealed record Unblocked(Guid Id, bool Done);
}
