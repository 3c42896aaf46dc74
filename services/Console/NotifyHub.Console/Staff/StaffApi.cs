using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Console.Staff;

public static class StaffApi
{
    public static IServiceCollection AddStaff(this IServiceCollection services) =>
        services.AddStaffIdentity().AddScoped<FluentValidation.IValidator<CreateStaff>, CreateStaffValidator>();

    public static IEndpointRouteBuilder MapStaffApiV1(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/v1/staff")
            .WithTags("Staff")
            .RequireAuthorization(Roles.Admin);
        staff.MapPost("/", CreateAsync).WithName("CreateStaff");
        staff.MapGet("/", ListAsync).WithName("ListStaff");
        staff.MapGet("/{id:guid}", GetAsync).WithName("GetStaff");
        return endpoints;
    }

    private static async Task<Created<StaffCreated>> CreateAsync(CreateStaff command, IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/v1/staff/{id}", new StaffCreated(id));
    }

    private static async Task<Ok<IReadOnlyList<StaffView>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListStaff(), ct));

    private static async Task<Ok<StaffView>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStaff(id), ct));

    public sealed record StaffCreated(Guid Id);
}
