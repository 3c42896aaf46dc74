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
/// inserted after the filter was read must still end up stored once. Reference codes are kept unique the same way,
/// with no unique index behind them: a new person never gets a code someone in the incident has.
/// </summary>
public sealed class Finding_existing_people(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public void The_filter_never_forgets_a_person_and_rarely_claims_an_unknown_one()
    {
        var filter = new BlindIndexFilter();
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

    [Fact]
    public Task A_code_already_given_is_drawn_again_whoever_gave_it() => CodesDrawnAgainAsync(host.Factory, host.Client);

    /// <summary>Also run on PostgreSQL (<see cref="Importing_into_PostgreSql"/>).</summary>
    internal static async Task CodesDrawnAgainAsync(NotifyHubFactory factory, IntakeClient client)
    {
        var incident = await client.OpenIncidentAsync();
        var replacements = new Queue<string>(["RC-REPLACEMENT-1", "RC-REPLACEMENT-2", "RC-REPLACEMENT-3"]);
        await using var first = await WriterScope.CreateAsync(factory.Services, incident, replacements.Dequeue);
        await using var second = await WriterScope.CreateAsync(factory.Services, incident, replacements.Dequeue);

        await first.WriteAsync(["A-1"], code: "RC-TAKEN-BY-A1");
        // Another import, whose filter is read now: A-1's code is in it.
        await second.WriteAsync(["B-1"], code: "RC-TAKEN-BY-A1");
        // Back to the first import: B-2 is inserted by another import after its filter was read.
        await second.WriteAsync(["B-2"], code: "RC-TAKEN-BY-B2");
        await first.WriteAsync(["A-2"], code: "RC-TAKEN-BY-B2");
        // Two new people of one batch drawn the same code.
        await first.WriteAsync(["A-3", "A-4"], code: "RC-DRAWN-TWICE");

        var codes = (await client.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!, p => p["reference_code"]);
        codes["A-1"].ShouldBe("RC-TAKEN-BY-A1");
        codes["B-1"].ShouldBe("RC-REPLACEMENT-1");
        codes["B-2"].ShouldBe("RC-TAKEN-BY-B2");
        codes["A-2"].ShouldBe("RC-REPLACEMENT-2");
        new[] { codes["A-3"], codes["A-4"] }.ShouldBe(["RC-DRAWN-TWICE", "RC-REPLACEMENT-3"], ignoreOrder: true);
        codes.Values.Distinct().Count().ShouldBe(codes.Count);
    }

    private static BlindIndex Random() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(BlindIndex.SizeInBytes));

    /// <summary>One import's writer, built as <see cref="ImportProcessor"/> builds it.</summary>
    private sealed class WriterScope(AsyncServiceScope scope, ImportWriter writer, PartyEncoder encoder, int line) : IAsyncDisposable
    {
        private int _line = line;

        public static async Task<WriterScope> CreateAsync(IServiceProvider services, Guid incident, Func<string>? newReferenceCode = null)
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
                encoder, incident, Guid.CreateVersion7(), maxStoredIssues: 100, newReferenceCode);
            return new WriterScope(scope, writer, encoder, 1);
        }

        public Task WriteAsync(params string[] externalIds) => WriteAsync(externalIds, code: null);

        /// <summary>Writes one batch; with <paramref name="code"/>, every new person of it is first drawn that code.</summary>
        public async Task WriteAsync(string[] externalIds, string? code)
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

            var prepared = await encoder.PrepareAsync(parties);
            var projections = scope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
            foreach (var party in prepared.Where(_ => code is not null))
            {
                party.Sealed = await encoder.SealAsync(projections, party.Party, party.Sealed.Id, code!);
            }

            var batch = new PreparedBatch { RowsRead = parties.Count, Parties = prepared, Rejections = [], Warnings = [] };
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
