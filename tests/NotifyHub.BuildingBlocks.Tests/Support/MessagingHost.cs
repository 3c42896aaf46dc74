using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Tests.Support;

/// <summary>
/// One module's database (a SQLite file) with its outbox dispatcher, inbox cleanup and a started in-memory bus.
/// Nothing runs in the background: each test drives the dispatcher and the cleanup itself.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;

    private MessagingHost(string folder, ServiceProvider services, IBusControl bus)
    {
        _folder = folder;
        _services = services;
        _bus = bus;
    }

    public FakeTimeProvider Clock => _services.GetRequiredService<FakeTimeProvider>();

    public Received Received => _services.GetRequiredService<Received>();

    public OutboxDispatcher<TestDbContext> Dispatcher => _services.GetRequiredService<OutboxDispatcher<TestDbContext>>();

    public InboxCleanup<TestDbContext> InboxCleanup => _services.GetRequiredService<InboxCleanup<TestDbContext>>();

    public IPublishEndpoint Bus => _bus;

    /// <param name="ordered">One message at a time, in order: a test can then tell a later message saw an earlier one's commit.</param>
    public static async Task<MessagingHost> StartAsync(Action<OutboxOptions>? outbox = null, Action<InboxOptions>? inbox = null,
        bool ordered = false)
    {
        var folder = Directory.CreateTempSubdirectory("notifyhub-bb-").FullName;
        var services = new ServiceCollection();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<Received>();
        services.AddLogging();
        services.AddDbContext<TestDbContext>(b => b.UseSqlite($"Data Source={Path.Combine(folder, "testmodule.db")};Pooling=False"));
        services.AddOptions<OutboxOptions>().Configure(o => outbox?.Invoke(o));
        services.AddOptions<InboxOptions>().Configure(o => inbox?.Invoke(o));
        services.AddSingleton<OutboxSignal<TestDbContext>>();
        services.AddSingleton<OutboxDispatcher<TestDbContext>>();
        services.AddSingleton<InboxCleanup<TestDbContext>>();
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<NumberedConsumer>();
            bus.UsingInMemory((context, cfg) =>
            {
                if (ordered)
                {
                    cfg.ConcurrentMessageLimit = 1;
                }

                cfg.ConfigureEndpoints(context);
            });
        });

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }

        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(CancellationToken.None);
        return new MessagingHost(folder, provider, bus);
    }

    /// <summary>Writes messages to the outbox in one transaction, as a module's state change would.</summary>
    public async Task WriteToOutboxAsync(params object[] messages)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        foreach (var message in messages)
        {
            typeof(OutboxPublishing).GetMethod(nameof(OutboxPublishing.Publish))!
                .MakeGenericMethod(message.GetType()).Invoke(null, [db, message]);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Writes a row as it could be found in a database: any type name, any body.</summary>
    public async Task WriteRawRowAsync(string messageType, string body)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        db.OutboxMessages.Add(new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = messageType, Body = body });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the dispatcher until it finds nothing left to publish; returns how many batches it ran.</summary>
    public async Task<int> DrainOutboxAsync(int batchSize = 200)
    {
        var batches = 0;
        while (true)
        {
            batches++;
            var published = await Dispatcher.DispatchBatchAsync(batchSize, CancellationToken.None);
            if (published == 0 && await QueryAsync(db => db.OutboxMessages.CountAsync(m => m.ParkedAt == null)) == 0)
            {
                return batches;
            }

            batches.ShouldBeLessThan(10_000, "the dispatcher should run out of work");
        }
    }

    public async Task<T> QueryAsync<T>(Func<TestDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async Task<HealthCheckResult> CheckParkedRowsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var check = new ParkedOutboxCheck<TestDbContext>(scope.ServiceProvider.GetRequiredService<TestDbContext>());
        return await check.CheckHealthAsync(new HealthCheckContext());
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

