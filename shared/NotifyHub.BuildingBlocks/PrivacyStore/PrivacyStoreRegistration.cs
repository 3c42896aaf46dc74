using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Access;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

public static class PrivacyStoreRegistration
{
    /// <summary>
    /// NotifyHub.Privacy for every process: root key from <c>NotifyHub:Keys</c> (or the key file under the data
    /// directory), key-service limits from <c>NotifyHub:KeyService</c>, the store in the configured database.
    /// </summary>
    public static IServiceCollection AddPrivacyStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotifyHubPrivacy(options =>
        {
            configuration.GetSection("NotifyHub:Keys").Bind(options.Keys);
            options.Keys.DataDirectory = configuration.GetSection(NotifyHubOptions.Section).Get<NotifyHubOptions>()?.DataDirectory ?? "data";
            configuration.GetSection("NotifyHub:KeyService").Bind(options.KeyService);
        });
        // Pooled: every read through the key service and every audit append opens it.
        services.AddModuleDbContext<PrivacyStoreDbContext, SqlitePrivacyStoreDbContext, PostgreSqlPrivacyStoreDbContext>(
            configuration, PrivacyStoreDbContext.SchemaName, pooled: true);
        // Hosted services start in registration order: after the store's migrations, before its outbox dispatcher.
        services.AddHostedService<RootKeyCheck>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.CheckpointInterval > TimeSpan.Zero, "NotifyHub:Audit:CheckpointInterval must be positive.")
            .ValidateOnStart();
        services.AddHostedService<AuditCheckpointService>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddOutbox<PrivacyStoreDbContext>();
        services.AddScoped<PrivacyDbContext>(sp => sp.GetRequiredService<PrivacyStoreDbContext>());
        services.AddScoped<IPrivacyEventPublisher, OutboxPrivacyEventPublisher>();
        return services;
    }
}
