using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Privacy.Audit;

namespace NotifyHub.Console.Audit;

/// <summary>
/// The audit chain for auditors: read a time window page by page (optionally one actor's entries, or one action or
/// family of actions: <c>action=callcentre.</c>), and check the chain end to end.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApiV1(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Auditor);
        audit.MapGet("/", ReadAsync).WithName("ReadAudit");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAudit");
        return endpoints;
    }

    private static async Task<Ok<AuditPage>> ReadAsync(
        AuditLog log, TimeProvider clock, CancellationToken ct,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int skip = 0, int take = 100, Guid? actor = null, string? action = null)
    {
        var until = to ?? clock.GetUtcNow().AddSeconds(1);
        var since = from ?? DateTimeOffset.UnixEpoch;
        if (since >= until)
        {
            throw new ProblemException(ProblemKind.Invalid, "invalid_window", "'from' must be before 'to'.");
        }

        if (skip < 0 || take is < 1 or > AuditLog.MaxPageSize)
        {
            throw new ProblemException(ProblemKind.Invalid, "invalid_page",
                $"'skip' must be 0 or more and 'take' between 1 and {AuditLog.MaxPageSize}.");
        }

        if (action is { Length: > 200 })
        {
            throw ProblemException.Invalid("invalid_action", "'action' is an action code or a prefix ending with a dot, at most 200 characters.", "action");
        }

        var entries = await log.ReadAsync(since, until, skip, take, actor, action, ct);
        return TypedResults.Ok(new AuditPage([.. entries.Select(AuditEntryView.From)], skip, take));
    }

    /// <summary>
    /// Always 200 with the result: a broken chain is an answer, not an error. The message names the first entry that
    /// cannot be read or does not match, in one line. The check itself is recorded after it.
    /// </summary>
    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditLog log, CurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(await AuditChainCheck.VerifyAndRecordAsync(log, actor, ct));

    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, int Skip, int Take);
}
