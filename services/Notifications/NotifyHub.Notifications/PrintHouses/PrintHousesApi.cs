using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using System.Security.Claims;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>Print houses are registered and revoked by privacy officers: whoever holds the key reads every letter.</summary>
public static class PrintHousesApi
{
    public static IServiceCollection AddPrintHouses(this IServiceCollection services)
    {
        services.AddOptions<PrintHouseOptions>().BindConfiguration(PrintHouseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FluentValidation.IValidator<RegisterPrintHouse>, RegisterPrintHouseValidator>();
        services.AddSingleton<DropBoxes>();
        services.AddSingleton<PrintHouseHandOver>();
        services.AddScoped<ReturnFiles>();
        services.AddSingleton<ReturnFilesWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReturnFilesWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapPrintHousesApiV1(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Print houses").RequireAuthorization(Roles.PrivacyOfficer);
        api.MapPost("/print-houses", RegisterAsync).WithName("RegisterPrintHouse");
        api.MapGet("/print-houses", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListPrintHouses(), ct)))
            .WithName("ListPrintHouses");
        api.MapGet("/print-houses/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPrintHouse(id), ct)))
            .WithName("GetPrintHouse");
        api.MapPost("/print-houses/{id:guid}/revoke", async (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RevokePrintHouse(id, user.ActorId()), ct))).WithName("RevokePrintHouse");
        api.MapGet("/campaigns/{id:guid}/returned-letters", async (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListReturnedLetters(id), ct))).WithName("ListReturnedLetters");
        return endpoints;
    }

    private static async Task<Created<PrintHouseView>> RegisterAsync(RegisterPrintHouse command, ClaimsPrincipal user, IMediator mediator,
        CancellationToken ct)
    {
        var created = await mediator.Send(command with { Actor = user.ActorId() }, ct);
        return TypedResults.Created($"/api/v1/print-houses/{created.Id}", created);
    }
}
