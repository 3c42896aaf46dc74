using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Tests.Support;
using System.Collections.Concurrent;
using System.Data.Common;

namespace NotifyHub.Privacy.Tests.Keys;

/// <summary>
/// Two processes asking for an owner's first key at once (the first status checks or imports of a new incident) both
/// find none and both insert one. The loser must use the winner's key, and must not leave an error in the log: an
/// operator's alerting reads Error lines, and a failed insert that was handled is not one.
/// </summary>
public sealed class FirstKeyRaceTests
{
    [Fact]
    public async Task A_first_key_created_elsewhere_between_the_read_and_the_insert_is_used_and_nothing_is_logged_as_an_error()
    {
        await using var host = await PrivacyTestHost.StartAsync();
        var owner = Guid.NewGuid();
        var (other, otherDb) = host.Stranger();
        await using var _ = otherDb;
        var logs = new ErrorLines();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        // Just before this store's insert reaches the database, the other process creates the same key.
        var race = new BeforeFirstKeyInsert(() => other.GetCurrentAsync(owner, KeyKind.Vendor).AsTask());
        await using var db = new PrivacyDbContext(new DbContextOptionsBuilder<PrivacyDbContext>()
            .UseSqlite(host.Connection).UseLoggerFactory(loggers).AddInterceptors(race).Options);
        var keys = new KeyStore(db, new LocalKeyRing(new LocalKeyRingOptions { RootKey = PrivacyTestHost.RootKeyA }),
            new DataKeyCache(host.Clock, TimeSpan.FromMinutes(1)), host.Clock);

        var mine = await keys.GetCurrentAsync(owner, KeyKind.Vendor);

        race.Ran.ShouldBeTrue("the other process never created the key in between: the test did not race");
        mine.Id.ShouldBe(new KeyId(owner, KeyKind.Vendor, 1));
        (await other.GetCurrentAsync(owner, KeyKind.Vendor)).Id.ShouldBe(mine.Id);
        (await host.ExecuteSqlAsync("UPDATE stored_keys SET created_at = created_at WHERE kind = 'Vendor'")).ShouldBe(1, "one stored key, not two");
        logs.Lines.ShouldBeEmpty();
    }

    /// <summary>Runs <paramref name="between"/> once, before the first command that inserts into <c>stored_keys</c>.</summary>
    private sealed class BeforeFirstKeyInsert(Func<Task> between) : DbCommandInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RaceAsync(command);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await RaceAsync(command);
            return result;
        }

        private async Task RaceAsync(DbCommand command)
        {
            if (!Ran && command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("stored_keys", StringComparison.Ordinal))
            {
                Ran = true;
                await between();
            }
        }
    }

    private sealed class ErrorLines : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
