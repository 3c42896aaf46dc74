using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using System.Security.Claims;

namespace NotifyHub.Intake.Incidents;

public static class IncidentsApi
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<FluentValidation.IValidator<OpenIncident>, OpenIncidentValidator>();
        services.AddScoped<FluentValidation.IValidator<CloseIncident>, CloseIncidentValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapIncidentsApiV1(this IEndpointRouteBuilder endpoints)
    {
        var incidents = endpoints.MapGroup("/api/v1/incidents")
            .WithTags("Incidents")
            .RequireAuthorization(Roles.PrivacyOfficer);
        incidents.MapPost("/", OpenAsync).WithName("OpenIncident");
        incidents.MapGet("/", ListAsync).WithName("ListIncidents");
        incidents.MapGet("/{id:guid}", GetAsync).WithName("GetIncident");
        incidents.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseIncident");
        incidents.MapPatch("/{id:guid}", PatchAsync).WithName("ChangeIncidentClocks");
        return endpoints;
    }

    private static async Task<Created<IncidentCreated>> OpenAsync(OpenIncident command, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(command with { Actor = user.ActorId() }, ct);
        return TypedResults.Created($"/api/v1/incidents/{id}", new IncidentCreated(id));
    }

    private static async Task<Ok<Paged<IncidentSummary>>> ListAsync(int? skip, int? take, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListIncidents(PageRequest.From(skip, take)), ct));

    private static async Task<Ok<IncidentView>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetIncident(id), ct));

    private static async Task<Ok<IncidentClosure>> CloseAsync(Guid id, CloseIncident? command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send((command ?? new CloseIncident(null)) with { IncidentId = id }, ct));

    private static async Task<Ok<IncidentView>> PatchAsync(Guid id, IncidentClocks command, ClaimsPrincipal user, IMediator mediator,
        CancellationToken ct)
    {
        await mediator.Send(command with { IncidentId = id, Actor = user.ActorId() }, ct);
        return TypedResults.Ok(await mediator.Send(new GetIncident(id), ct));
    }

    public sealed record IncidentCreated(Guid Id);
}
