using NotifyHub.Testing;
using System.Text;

namespace NotifyHub.Intake.Tests;

/// <summary>The PostgreSQL path: binary COPY for new people, one UPDATE for changed ones, idempotent re-import.</summary>
public sealed class Importing_into_PostgreSql : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private NotifyHubFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _factory = new NotifyHubFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = _database.ConnectionString,
            ["NotifyHub:Intake:ImportBatchSize"] = "50",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Copies_new_people_updates_changed_ones_and_a_re_import_changes_nothing()
    {
        var api = await IntakeClient.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync();
        var rows = Import_files.Fake("ja", 120).Concat(Import_files.Fake("fr", 80)).ToList();
        var csv = Import_files.Csv(rows) + ",No,Id,x@example.com,,,,\r\n" + $"{rows[0].Id},Dup,Row,dup@example.com,,,,ja\r\n";

        var first = await api.ImportAsync(incident, Encoding.UTF8.GetBytes(csv));
        var again = await api.ImportAsync(incident, Encoding.UTF8.GetBytes(csv));
        var changed = rows.Take(10).Select(r => r with { Family = r.Family + "-Neu" }).ToList();
        var update = await api.ImportAsync(incident, Encoding.UTF8.GetBytes(Import_files.Csv(changed)));

        (first.RowsRead, first.Accepted, first.Updated, first.Rejected).ShouldBe((202, 200, 1, 1));
        (again.Accepted, again.Updated, again.Rejected).ShouldBe((0, 201, 1));
        (update.Accepted, update.Updated).ShouldBe((0, 10));
        (await _database.ScalarAsync($"SELECT count(*) FROM intake.affected_parties WHERE \"IncidentId\" = '{incident}'")).ShouldBe(200);
        (await _database.ScalarAsync($"SELECT count(DISTINCT \"ReferenceCodeIndex\") FROM intake.affected_parties WHERE \"IncidentId\" = '{incident}'")).ShouldBe(200);
        (await _database.ScalarAsync($"SELECT count(*) FROM intake.import_issues WHERE \"ImportId\" = '{first.Id}'")).ShouldBe(first.Rejected + first.Warnings);
        var people = (await api.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!);
        people[rows[0].Id]["family_name"].ShouldBe(rows[0].Family + "-Neu");
        people[rows[11].Id]["given_name"].ShouldBe(rows[11].Given);
    }

    [Fact]
    public async Task A_person_another_instance_inserted_after_the_filter_was_read_is_updated_not_stored_twice() =>
        await Finding_existing_people.InsertedMeanwhileAsync(_factory, await IntakeClient.CreateAsync(_factory));

    [Fact]
    public async Task A_batch_prepared_in_parts_is_committed_in_one_transaction()
    {
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = _database.ConnectionString,
            ["NotifyHub:Intake:ImportBatchSize"] = "2500",
        });
        var api = await IntakeClient.CreateAsync(factory);
        var incident = await api.OpenIncidentAsync();
        var csv = new StringBuilder("external_id,given_name,email\n");
        for (var i = 0; i < 2600; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"T-{i},Person{i},t{i}@example.com\n");
        }

        var status = await api.ImportCsvAsync(incident, csv.ToString());

        status.Accepted.ShouldBe(2600);
        // Rows written by one transaction share its id: parts of 1,000 + 1,000 + 500, then 100.
        (await _database.ScalarAsync($"SELECT count(DISTINCT xmin::text) FROM intake.affected_parties WHERE \"IncidentId\" = '{incident}'")).ShouldBe(2);
    }

    [Fact]
    public async Task A_code_already_given_is_drawn_again_whoever_gave_it() =>
        await Finding_existing_people.CodesDrawnAgainAsync(_factory, await IntakeClient.CreateAsync(_factory));
}
