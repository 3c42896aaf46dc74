using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Audit;
using System.Security.Claims;

namespace NotifyHub.Console.Staff;

public static class StaffApi
{
    public static IServiceCollection AddStaff(this IServiceCollection services) =>
        services.AddStaffIdentity()
            .AddScoped<FluentValidation.IValidator<CreateStaff>, CreateStaffValidator>()
            .AddScoped<StaffLifecycle>()
            .AddScoped<AccountAudit>();

    /// <summary>Staff accounts and their life cycle, for admins only. Every change is audited and ends the account's sessions.</summary>
    public static IEndpointRouteBuilder MapStaffApiV1(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/v1/staff")
            .WithTags("Staff")
            .RequireAuthorization(Roles.Admin);
        staff.MapPost("/", CreateAsync).WithName("CreateStaff");
        staff.MapGet("/", ListAsync).WithName("ListStaff");
        staff.MapGet("/{id:guid}", GetAsync).WithName("GetStaff");
        staff.MapPost("/{id:guid}/disable", (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            SendAsync(m, new DisableStaff(id) { Actor = user.ActorId() }, ct)).WithName("DisableStaff");
        staff.MapPost("/{id:guid}/enable", (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            SendAsync(m, new EnableStaff(id) { Actor = user.ActorId() }, ct)).WithName("EnableStaff");
        staff.MapPost("/{id:guid}/unlock", (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            SendAsync(m, new UnlockStaff(id) { Actor = user.ActorId() }, ct)).WithName("UnlockStaff");
        staff.MapPut("/{id:guid}/roles", (Guid id, RolesRequest body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            SendAsync(m, new ChangeStaffRoles(id, body.Roles ?? []) { Actor = user.ActorId() }, ct)).WithName("ChangeStaffRoles");
        staff.MapPost("/{id:guid}/2fa/reset", (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            SendAsync(m, new ResetStaffTwoFactor(id) { Actor = user.ActorId() }, ct)).WithName("ResetStaffTwoFactor");
        staff.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveStaff");
        return endpoints;
    }

    private static async Task<Created<StaffCreated>> CreateAsync(CreateStaff command, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(command with { Actor = user.ActorId() }, ct);
        return TypedResults.Created($"/api/v1/staff/{id}", new StaffCreated(id));
    }

    private static async Task<Ok<IReadOnlyList<StaffView>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListStaff(), ct));

    private static async Task<Ok<StaffView>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetStaff(id), ct));

    private static async Task<Ok<StaffView>> SendAsync(IMediator mediator, ICommand<StaffView> command, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));

    private static async Task<NoContent> RemoveAsync(Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveStaff(id) { Actor = user.ActorId() }, ct);
        return TypedResults.NoContent();
    }

    public sealed record StaffCreated(Guid Id);

    public sealed record RolesRequest(IReadOnlyList<string>? Roles);
}
