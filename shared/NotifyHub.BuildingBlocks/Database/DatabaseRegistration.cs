using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Database;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers a database with the configured provider under <paramref name="schema"/>, migrates it at start
    /// and checks it in <c>/health/ready</c>. Modules add their outbox with <see cref="AddOutbox{TContext}"/>.
    /// The options are built once per process, not per context: they depend only on configuration, and building them
    /// (provider, warnings, interceptors) cost about 3 % of the call centre's CPU when every request did it.
    /// <paramref name="pooled"/> also reuses the context instances (for a module whose requests are many and short);
    /// its contexts must hold no state of their own beyond EF's.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgreSql>(
        this IServiceCollection services, IConfiguration configuration, string schema, bool pooled = false)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgreSql : TContext
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        void Options(IServiceProvider sp, DbContextOptionsBuilder b) => Configure<TContext>(sp, b, schema, provider);
        switch (provider, pooled)
        {
            case (DatabaseProvider.Sqlite, false): services.AddDbContext<TContext, TSqlite>(Options, ServiceLifetime.Scoped, ServiceLifetime.Singleton); break;
            case (DatabaseProvider.Sqlite, true): services.AddDbContextPool<TContext, TSqlite>(Options); break;
            case (_, false): services.AddDbContext<TContext, TPostgreSql>(Options, ServiceLifetime.Scoped, ServiceLifetime.Singleton); break;
            default: services.AddDbContextPool<TContext, TPostgreSql>(Options); break;
        }

        services.AddSingleton(new MigrationTarget(typeof(TContext), schema));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DatabaseMigrator>());
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database:{schema}", tags: [HealthTags.Ready]);
        return services;
    }

    /// <summary>
    /// Publishes what the database's transactions write to its outbox (see <see cref="OutboxDispatcher{TContext}"/>),
    /// reports parked rows in <c>/health/ready</c> and forgets old inbox ids (see <see cref="InboxCleanup{TContext}"/>).
    /// </summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services)
        where TContext : DbContext, IOutboxDbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateOnStart();
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        services.AddSingleton<IAuditOutboxDrain, AuditOutboxDrain<TContext>>();
        services.TryAddScoped<AuditOutboxAppender>();
        services.AddHostedService<InboxCleanup<TContext>>();
        services.AddHealthChecks().AddCheck<ParkedOutboxCheck<TContext>>($"outbox:{typeof(TContext).Name}", tags: [HealthTags.Ready]);
        return services;
    }

    private static void Configure<TContext>(IServiceProvider sp, DbContextOptionsBuilder builder, string schema,
        DatabaseProvider provider)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        if (provider == DatabaseProvider.Sqlite)
        {
            var dataDirectory = sp.GetRequiredService<IOptions<NotifyHubOptions>>().Value.FullDataDirectory;
            Hosting.PrivateDataDirectory.CreateFolder(dataDirectory);
            var file = Path.Combine(dataDirectory, $"{schema}.db");
            builder.UseSqlite($"Data Source={file};Default Timeout=60", o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(SqliteDurability.Instance);
        }
        else
        {
            var connectionString = configuration.GetConnectionString("NotifyHub")
                ?? throw new InvalidOperationException(
                    "NotifyHub:Database:Provider is PostgreSql but ConnectionStrings:NotifyHub is not set.");
            builder.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString), o => o.MigrationsHistoryTable("__EFMigrationsHistory", schema));
        }

        if (sp.GetService<OutboxSignal<TContext>>() is { } signal)
        {
            builder.AddInterceptors(new OutboxSignal<TContext>.SaveChanges(signal), new OutboxSignal<TContext>.Commit(signal));
        }
    }
}
