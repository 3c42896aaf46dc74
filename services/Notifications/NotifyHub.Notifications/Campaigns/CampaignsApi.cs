using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using System.Security.Claims;

namespace NotifyHub.Notifications.Campaigns;

public static class CampaignsApi
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<FluentValidation.IValidator<CreateCampaign>, CreateCampaignValidator>();
        services.AddScoped<CampaignEnrolment>();
        return services;
    }

    public static IEndpointRouteBuilder MapCampaignsApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Campaigns").RequireAuthorization(Roles.PrivacyOfficer);
        api.MapPost("/incidents/{incidentId:guid}/campaigns", CreateAsync).WithName("CreateCampaign");
        api.MapGet("/incidents/{incidentId:guid}/campaigns", ListAsync).WithName("ListCampaigns");
        api.MapGet("/campaigns/{id:guid}", GetAsync).WithName("GetCampaign");
        api.MapPost("/campaigns/{id:guid}/launch", (Guid id, IMediator m, CancellationToken ct) => SendAsync(m, new LaunchCampaign(id), ct)).WithName("LaunchCampaign");
        api.MapPost("/campaigns/{id:guid}/pause", (Guid id, IMediator m, CancellationToken ct) => SendAsync(m, new PauseCampaign(id), ct)).WithName("PauseCampaign");
        api.MapPost("/campaigns/{id:guid}/resume", (Guid id, IMediator m, CancellationToken ct) => SendAsync(m, new ResumeCampaign(id), ct)).WithName("ResumeCampaign");
        api.MapPost("/campaigns/{id:guid}/cancel", (Guid id, IMediator m, CancellationToken ct) => SendAsync(m, new CancelCampaign(id), ct)).WithName("CancelCampaign");
        return endpoints;
    }

    private static async Task<Created<CampaignCreated>> CreateAsync(Guid incidentId, CreateCampaign command, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command with
        {
            IncidentId = incidentId,
            Actor = user.ActorId(),
        }, ct);
        return TypedResults.Created($"/api/v1/campaigns/{created.Id}", created);
    }

    private static async Task<Ok<Paged<CampaignSummary>>> ListAsync(Guid incidentId, int? skip, int? take, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCampaigns(incidentId, PageRequest.From(skip, take)), ct));

    private static async Task<Ok<CampaignView>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCampaign(id), ct));

    private static async Task<Accepted> SendAsync(IMediator mediator, ICommand command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return TypedResults.Accepted((string?)null);
    }
}
