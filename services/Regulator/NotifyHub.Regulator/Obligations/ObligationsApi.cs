using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Regulator.Assessments;
using NotifyHub.Regulator.Database;
using NotifyHub.Regulator.Drafts;
using NotifyHub.Regulator.Filings;
using System.Security.Claims;

namespace NotifyHub.Regulator.Obligations;

public static class ObligationsApi
{
    /// <summary>Auditors read obligations (who had to tell whom, by when); only privacy officers change them.</summary>
    public static IEndpointRouteBuilder MapRegulatorApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Regulator");
        api.MapGet("/incidents/{id:guid}/obligations", ListAsync).WithName("ListObligations")
            .RequireAuthorization(p => p.RequireRole(Roles.PrivacyOfficer, Roles.Auditor));
        api.MapPost("/incidents/{id:guid}/assessments", AssessAsync).WithName("RecordAssessment").RequireAuthorization(Roles.PrivacyOfficer);
        api.MapGet("/obligations/{id:guid}/draft", DraftAsync).WithName("GetObligationDraft").RequireAuthorization(Roles.PrivacyOfficer);
        api.MapPost("/obligations/{id:guid}/filings", FileAsync).WithName("FileReport").RequireAuthorization(Roles.PrivacyOfficer);
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<Obligation>>> ListAsync(Guid id, RegulatorDbContext db, ObligationEngine engine,
        TimeProvider clock, CancellationToken ct)
    {
        var facts = await FactsReader.ReadAsync(db, id, ct) ?? throw ProblemException.NotFound("Incident", id);
        return TypedResults.Ok(engine.Compute(facts, clock.GetUtcNow()));
    }

    private static async Task<Created<IdResponse>> AssessAsync(Guid id, RecordAssessmentRequest request, ClaimsPrincipal user,
        RecordAssessment handler, CancellationToken ct)
    {
        var assessment = await handler.HandleAsync(id, request, Actor(user), ct);
        return TypedResults.Created($"/api/v1/incidents/{id}/assessments/{assessment}", new IdResponse(assessment));
    }

    private static async Task<Created<IdResponse>> FileAsync(Guid id, FileReportRequest request, ClaimsPrincipal user,
        FileReport handler, CancellationToken ct)
    {
        var filing = await handler.HandleAsync(id, request, Actor(user), ct);
        return TypedResults.Created($"/api/v1/obligations/{id}/filings/{filing}", new IdResponse(filing));
    }

    private static async Task<IResult> DraftAsync(Guid id, string? format, DraftBuilder drafts, DraftPdfRenderer pdf, CancellationToken ct)
    {
        var draft = await drafts.BuildAsync(id, ct);
        return format switch
        {
            null or "json" => TypedResults.Ok(draft),
            "pdf" => TypedResults.File(pdf.Render(draft), "application/pdf", $"obligation-{id}.pdf"),
            _ => throw ProblemException.Invalid("invalid_format", "'format' must be json or pdf."),
        };
    }

    private static Guid? Actor(ClaimsPrincipal user) => Guid.TryParse(user.ActorId(), out var actor) ? actor : null;

    public sealed record IdResponse(Guid Id);
}
