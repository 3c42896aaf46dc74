using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.CallCentre.Cases;
using NotifyHub.CallCentre.Scripts;
using NotifyHub.CallCentre.Support;
using System.Security.Claims;

namespace NotifyHub.CallCentre.Assignments;

/// <summary>The privacy officers' side: vendors on an incident, its call scripts and its escalations.</summary>
public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapIncidentCallCentreApiV1(this IEndpointRouteBuilder endpoints)
    {
        var incident = endpoints.MapGroup("/api/v1/incidents/{id:guid}")
            .WithTags("Call centre")
            .RequireAuthorization(Roles.PrivacyOfficer);
        incident.MapPost("/vendors", AssignAsync).WithName("AssignVendor");
        incident.MapGet("/vendors", ListAsync).WithName("ListVendorAssignments");
        incident.MapDelete("/vendors/{vendorId:guid}", UnassignAsync).WithName("UnassignVendor");
        incident.MapPost("/scripts", AddScriptAsync).WithName("AddCallScript");
        incident.MapGet("/escalations", EscalationsAsync).WithName("ListEscalations");
        return endpoints;
    }

    private static async Task<Accepted<AssignmentCreated>> AssignAsync(Guid id, AssignVendor? body, ClaimsPrincipal user,
        VendorAssigning assigning, CancellationToken ct)
    {
        var assignmentId = await assigning.AssignAsync(id, body?.VendorId, CallCentreActor.From(user), ct);
        return TypedResults.Accepted($"/api/v1/incidents/{id}/vendors", new AssignmentCreated(assignmentId));
    }

    private static async Task<Ok<IReadOnlyList<AssignmentView>>> ListAsync(Guid id, VendorAssigning assigning, CancellationToken ct) =>
        TypedResults.Ok(await assigning.ListAsync(id, ct));

    private static async Task<NoContent> UnassignAsync(Guid id, Guid vendorId, ClaimsPrincipal user, VendorAssigning assigning,
        CancellationToken ct)
    {
        await assigning.UnassignAsync(id, vendorId, CallCentreActor.From(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ScriptCreated>> AddScriptAsync(Guid id, AddScript body, ClaimsPrincipal user,
        ScriptLibrary scripts, CancellationToken ct)
    {
        var script = await scripts.AddAsync(id, body, CallCentreActor.From(user), ct);
        return TypedResults.Created($"/api/v1/incidents/{id}/scripts/{script.Id}", new ScriptCreated(script.Id, script.Version));
    }

    private static async Task<Ok<IReadOnlyList<EscalationView>>> EscalationsAsync(Guid id, ClaimsPrincipal user,
        EscalationList escalations, CancellationToken ct) =>
        TypedResults.Ok(await escalations.ListAsync(id, CallCentreActor.From(user), ct));

    public sealed record AssignVendor(Guid? VendorId);

    public sealed record AssignmentCreated(Guid AssignmentId);

    public sealed record ScriptCreated(Guid Id, int Version);
}
