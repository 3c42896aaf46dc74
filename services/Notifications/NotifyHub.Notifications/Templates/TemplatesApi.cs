using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using System.Security.Claims;

namespace NotifyHub.Notifications.Templates;

public static class TemplatesApi
{
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddSingleton<TemplateEngine>();
        services.AddSingleton<TemplateRenderer>();
        services.AddScoped<FluentValidation.IValidator<CreateTemplate>, CreateTemplateValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapTemplatesApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Templates").RequireAuthorization(Roles.PrivacyOfficer);
        api.MapPost("/incidents/{incidentId:guid}/templates", CreateAsync).WithName("CreateTemplate");
        api.MapGet("/incidents/{incidentId:guid}/templates", ListAsync).WithName("ListTemplates");
        api.MapPost("/templates/{id:guid}/preview", PreviewAsync).WithName("PreviewTemplate");
        return endpoints;
    }

    private static async Task<Created<TemplateCreated>> CreateAsync(Guid incidentId, CreateTemplate command, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command with
        {
            IncidentId = incidentId,
            Actor = user.ActorId(),
        }, ct);
        return TypedResults.Created($"/api/v1/templates/{created.Id}", created);
    }

    private static async Task<Ok<Paged<TemplateSummary>>> ListAsync(Guid incidentId, int? skip, int? take, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListTemplates(incidentId, PageRequest.From(skip, take)), ct));

    private static async Task<Ok<TemplatePreview>> PreviewAsync(Guid id, PreviewTemplate? query, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send((query ?? new PreviewTemplate(null, null)) with { TemplateId = id }, ct));
}
