using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NotifyHub.Privacy.Access;
using Shouldly;

namespace NotifyHub.Privacy.Tests;

/// <summary>
/// A compiled query (<see cref="CompiledPerModel{TQuery}"/>) run against two models of one context, as a process
/// holding a SQLite and a PostgreSQL host, or two test hosts, does. EF Core alone refuses the second model.
/// </summary>
public sealed class Compiled_queries_per_model
{
    [Fact]
    public async Task The_same_compiled_query_answers_for_each_model_from_its_own_database()
    {
        await using var first = await OpenAsync(separateModel: false);
        await using var second = await OpenAsync(separateModel: true);
        second.Context.Model.ShouldNotBeSameAs(first.Context.Model);
        var user = Guid.NewGuid();
        second.Context.AccessBlocks.Add(new AccessBlock
        {
            UserId = user, VendorId = Guid.NewGuid(), IncidentId = Guid.NewGuid(), RecordCount = 3, BlockedAt = DateTimeOffset.UnixEpoch,
        });
        await second.Context.SaveChangesAsync();

        (await new AccessBlocks(first.Context, TimeProvider.System).IsBlockedAsync(user, default)).ShouldBeFalse();
        (await new AccessBlocks(second.Context, TimeProvider.System).IsBlockedAsync(user, default)).ShouldBeTrue();
        (await new AccessBlocks(first.Context, TimeProvider.System).IsBlockedAsync(user, default)).ShouldBeFalse();
    }

    private static async Task<Store> OpenAsync(bool separateModel)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<PrivacyDbContext>().UseSqlite(connection);
        if (separateModel)
        {
            options.ReplaceService<IModelCacheKeyFactory, SeparateModelKeys>();
        }

        var context = new PrivacyDbContext(options.Options);
        await context.Database.EnsureCreatedAsync();
        return new Store(connection, context);
    }

    /// <summary>Gives the context a model of its own instead of the one EF caches for its type and provider.</summary>
    private sealed class SeparateModelKeys : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (typeof(SeparateModelKeys), designTime);
    }

    private sealed record Store(SqliteConnection Connection, PrivacyDbContext Context) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
