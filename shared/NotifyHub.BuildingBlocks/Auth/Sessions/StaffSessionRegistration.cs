using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.BuildingBlocks.Auth.Sessions;

internal static class StaffSessionRegistration
{
    public static IServiceCollection AddStaffSessions(this IServiceCollection services)
    {
        services.AddOptions<StaffSessionOptions>().BindConfiguration(StaffSessionOptions.Section)
            .Validate(o => o.CacheDuration >= TimeSpan.Zero && o.CacheDuration <= TimeSpan.FromMinutes(1),
                "NotifyHub:Sessions:CacheDuration must be between 0 and 00:01:00: a longer one lets an ended session live on.")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "NotifyHub:Sessions:IdleTimeout must be positive.")
            .Validate(o => o.MaxLifetime >= o.IdleTimeout, "NotifyHub:Sessions:MaxLifetime must be at least IdleTimeout.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddScoped<StaffSessionStore>();
        services.AddScoped<IStaffSessions>(sp => sp.GetRequiredService<StaffSessionStore>());
        services.AddScoped<StaffSessionValidator>();
        services.AddScoped<SessionTokenIssuer>();
        return services;
    }
}
