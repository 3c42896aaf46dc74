using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Auth;
using System.Security.Claims;

namespace NotifyHub.Notifications.Proofs;

public static class ProofsApi
{
    public static IEndpointRouteBuilder MapProofsApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Templates").RequireAuthorization(Roles.PrivacyOfficer);
        api.MapGet("/templates/{id:guid}/proof", ProofAsync).WithName("GetLetterProof");
        api.MapPost("/templates/{id:guid}/approvals", ApproveAsync).WithName("ApproveLetterProof");
        return endpoints;
    }

    private static async Task<FileContentHttpResult> ProofAsync(Guid id, string? language, string? country, IMediator mediator, CancellationToken ct)
    {
        var proof = await mediator.Send(new GetLetterProof(id, language, country), ct);
        return TypedResults.File(proof.Pdf, "application/pdf", proof.FileName);
    }

    private static async Task<Results<Created<ProofApprovalView>, Ok<ProofApprovalView>>> ApproveAsync(Guid id, ApproveLetterProof? command,
        ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        var approval = await mediator.Send((command ?? new ApproveLetterProof(null, null)) with { TemplateId = id, Actor = user.ActorId() }, ct);
        return approval.IsNew
            ? TypedResults.Created((string?)null, approval)
            : TypedResults.Ok(approval);
    }
}
