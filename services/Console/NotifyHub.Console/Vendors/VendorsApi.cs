using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using System.Security.Claims;

namespace NotifyHub.Console.Vendors;

public static class VendorsApi
{
    public static IServiceCollection AddVendors(this IServiceCollection services) =>
        services.AddScoped<FluentValidation.IValidator<RegisterVendor>, RegisterVendorValidator>();

    private static readonly AuthorizationPolicy Readers = new AuthorizationPolicyBuilder()
        .RequireRole(Roles.Admin, Roles.PrivacyOfficer).AddRequirements(FullSessionRequirement.Instance).Build();

    public static IEndpointRouteBuilder MapVendorsApiV1(this IEndpointRouteBuilder endpoints)
    {
        var vendors = endpoints.MapGroup("/api/v1/vendors").WithTags("Vendors");

        // Privacy officers read the list (they assign vendors to incidents); admins read it too, and only they change it.
        vendors.MapGet("/", ListAsync).WithName("ListVendors").RequireAuthorization(Readers);
        vendors.MapGet("/{id:guid}", GetAsync).WithName("GetVendor").RequireAuthorization(Readers);
        vendors.MapPost("/", RegisterAsync).WithName("RegisterVendor").RequireAuthorization(Roles.Admin);
        vendors.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeVendor").RequireAuthorization(Roles.Admin);
        return endpoints;
    }

    private static async Task<Created<VendorCreated>> RegisterAsync(RegisterVendor command, ClaimsPrincipal user,
        IMediator mediator, CancellationToken ct)
    {
        var id = await mediator.Send(command with { Actor = user.ActorId() }, ct);
        return TypedResults.Created($"/api/v1/vendors/{id}", new VendorCreated(id));
    }

    private static async Task<Ok<IReadOnlyList<VendorView>>> ListAsync(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListVendors(), ct));

    private static async Task<Ok<VendorView>> GetAsync(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetVendor(id), ct));

    private static async Task<Ok<VendorView>> RevokeAsync(Guid id, ClaimsPrincipal user, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RevokeVendor(id) { Actor = user.ActorId() }, ct));


    public sealed record VendorCreated(Guid Id);
}
