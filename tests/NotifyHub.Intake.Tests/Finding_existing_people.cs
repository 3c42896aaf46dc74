using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Intake.Imports.Storage;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;

namespace NotifyHub.Intake.Tests;

/// <summary>
/// The writer asks the database only about rows its filter of known people cannot rule out; a person someone else
/// inserted after the filter was read must still end up stored once.
/// </summary>
public sealed class Finding_existing_people(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public void The_filter_never_forgets_a_person_and_rarely_claims_an_unknown_one()
    {
        var filter = new KnownPeopleFilter();
        var known = Enumerable.Range(0, 20_000).Select(_ => Random()).ToList();
        known.ForEach(filter.Add);

        known.ShouldAllBe(index => filter.MayContain(index));
        Enumerable.Range(0, 20_000).Count(_ => filter.MayContain(Random())).ShouldBeLessThan(20);
    }

    [Fact]
    public Task A_person_another_instance_inserted_after_the_filter_was_read_is_updated_not_stored_twice() =>
        InsertedMeanwhileAsync(host.Factory, host.Client);

    /// <summary>Also run on PostgreSQL (<see cref="Importing_into_PostgreSql"/>), where the failed COPY aborts the transaction.</summary>
    internal static async Task InsertedMeanwhileAsync(NotifyHubFactory factory, IntakeClient client)
    {
        var incident = await client.OpenIncidentAsync();
        await using var first = await WriterScope.CreateAsync(factory.Services, incident);
        await using var second = await WriterScope.CreateAsync(factory.Services, incident);

        await first.WriteAsync("A-1"); // reads its filter: nobody yet
        await second.WriteAsync("B-1"); // another import inserts B-1, unknown to the first
        await first.WriteAsync("B-1", "A-2");

        var people = await client.PeopleAsync(incident);
        people.Select(p => p["external_id"]).Order().ShouldBe(["A-1", "A-2", "B-1"]);
    }

    private static BlindIndex Random() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(BlindIndex.SizeInBytes));

    /// <summary>One import's writer, built as <see cref="ImportProcessor"/> builds it.</summary>
    private sealed class WriterScope(AsyncServiceScope scope, ImportWriter writer, PartyEncoder encoder, int line) : IAsyncDisposable
    {
        private int _line = line;

        public static async Task<WriterScope> CreateAsync(IServiceProvider services, Guid incident)
        {
            var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var keys = provider.GetRequiredService<KeyStore>();
            var encoder = new PartyEncoder(provider.GetRequiredService<IServiceScopeFactory>(),
                await keys.GetCurrentAsync(incident, KeyKind.IncidentData), await keys.GetCurrentAsync(incident, KeyKind.IncidentIndex));
            await keys.GetCurrentAsync(InternalHolders.Notifications, KeyKind.Vendor);
            var db = provider.GetRequiredService<IntakeDbContext>();
            IPartyStore store = db.Database.IsNpgsql() ? new PostgreSqlPartyStore() : new SqlitePartyStore();
            var writer = new ImportWriter(db, store, provider.GetRequiredService<FieldCipher>(), provider.GetRequiredService<ProjectionBuilder>(),
                encoder, incident, Guid.CreateVersion7(), maxStoredIssues: 100);
            return new WriterScope(scope, writer, encoder, 1);
        }

        public async Task WriteAsync(params string[] externalIds)
        {
            var parties = new List<NormalizedParty>();
            foreach (var id in externalIds)
            {
                var values = new string?[ImportColumns.Count];
                values[(int)ImportColumn.ExternalId] = id;
                values[(int)ImportColumn.GivenName] = "Ann";
                values[(int)ImportColumn.FamilyName] = "Lee";
                values[(int)ImportColumn.Email] = $"{id.ToLowerInvariant()}@example.com";
                var (party, rejection) = PartyRules.Apply(new RawRow(++_line, values, null), ["name", "contact"], new DateOnly(2026, 12, 3));
                rejection.ShouldBeNull();
                parties.Add(party!);
            }

            var batch = new PreparedBatch { RowsRead = parties.Count, Parties = await encoder.PrepareAsync(parties), Rejections = [], Warnings = [] };
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
