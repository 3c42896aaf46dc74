using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NotifyHub.Privacy.Access;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Retention;

namespace NotifyHub.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the privacy services. The host also registers <see cref="PrivacyDbContext"/>
    /// with its database provider and an <see cref="IPrivacyEventPublisher"/> over its outbox.
    /// An <see cref="IRootKeyProvider"/> registered before this call (a KMS) replaces the local key ring, and an
    /// <see cref="IAuditCheckpointSink"/> the checkpoint file.
    /// </summary>
    public static IServiceCollection AddNotifyHubPrivacy(this IServiceCollection services, Action<PrivacyOptions>? configure = null)
    {
        services.AddOptions<PrivacyOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(o => o.KeyService.MaxRecordsPerWindow > 0, "NotifyHub privacy: KeyService.MaxRecordsPerWindow must be positive.")
            .Validate(o => o.KeyService.Window > TimeSpan.Zero, "NotifyHub privacy: KeyService.Window must be positive.")
            .Validate(o => o.KeyCacheDuration > TimeSpan.Zero, "NotifyHub privacy: KeyCacheDuration must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.Keys);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.KeyService);
        services.TryAddSingleton<IRootKeyProvider, LocalKeyRing>();
        // A sink registered before this call (an external append-only log) replaces the file under the data directory.
        services.TryAddSingleton<IAuditCheckpointSink, FileAuditCheckpointSink>();
        services.TryAddSingleton(sp => new DataKeyCache(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.KeyCacheDuration));

        services.TryAddSingleton<AuditGroupCommit>();

        // Scoped: each works through the scope's PrivacyDbContext.
        services.TryAddScoped(sp => new KeyStore(
            () => sp.GetRequiredService<PrivacyDbContext>(), sp.GetRequiredService<IRootKeyProvider>(),
            sp.GetRequiredService<DataKeyCache>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<FieldCipher>();
        services.TryAddScoped<BlindIndexer>();
        services.TryAddScoped<ProjectionBuilder>();
        services.TryAddScoped<AuditKeys>();
        services.TryAddScoped<AuditCheckpoints>();
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<KeyService>();
        services.TryAddScoped<AccessBlocks>();
        services.TryAddScoped<RecordReads>();
        services.TryAddScoped<VendorAssignments>();
        services.TryAddScoped<VendorRevocation>();
        services.TryAddScoped<IncidentShredder>();
        services.TryAddScoped<RootKeyRotation>();
        return services;
    }
}
