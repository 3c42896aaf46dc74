using NotifyHub.Regulator.Tests.Support;
using NotifyHub.Testing;
using System.Text;

namespace NotifyHub.Regulator.Tests.Api;

/// <summary>Imports change the counts; the obligations follow, both ways; the regulator's database holds no person.</summary>
public sealed class Counts_from_imports : IAsyncLifetime
{
    private readonly NotifyHubFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_import_that_takes_Texas_from_249_to_250_residents_brings_the_Attorney_General_notice_and_a_correction_takes_it_out()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["US-TX"]);
        static bool Ag(RegulatorApi.ObligationView o) => o.Jurisdiction == "US-TX" && o.Kind == "attorney-general-notice";

        await api.ImportCsvAsync(incident, Csv(1, 249, "TX"));
        var before = await api.WaitForAsync(incident, Ag, o => o.Affected == 249, "249 Texans never arrived");
        await api.ImportCsvAsync(incident, Csv(250, 1, "US-TX"));
        var after = await api.WaitForAsync(incident, Ag, o => o.Affected == 250, "the 250th Texan never arrived");
        await api.ImportCsvAsync(incident, Csv(7, 1, "OK")); // person 7 moved to Oklahoma: a corrected row
        var corrected = await api.WaitForAsync(incident, Ag, o => o.Affected == 249, "the correction never arrived");

        before.Status.ShouldBe("not-required");
        before.Reason!.ShouldContain("at least 250");
        after.Status.ShouldBe("due");
        after.Clock.ShouldBe("determination");
        after.DueAt.ShouldNotBeNull();
        corrected.Status.ShouldBe("not-required");
    }

    [Fact]
    public async Task The_regulator_database_holds_counts_but_no_value_of_any_person()
    {
        var api = await RegulatorApi.CreateAsync(_factory);
        var incident = await api.OpenIncidentAsync(["JP", "US-CA"]);
        await api.ImportCsvAsync(incident, """
            external_id,given_name,family_name,email,phone,country,region,postcode,date_of_birth
            canary-7741,Zebulon,Quaxworth,zebulon.quaxworth@canary.test,+81 90 1234 5678,JP,Tokyo,100-0001,1961-07-04
            canary-7742,Philippa,Yarrowmere,philippa.yarrowmere@canary.test,,US,CA,94105,1975-02-28
            """);
        await api.WaitForAsync(incident, o => o.Jurisdiction == "US-CA" && o.Kind == "individual-notice", o => o.Affected == 1, "counts never arrived");

        var files = Directory.GetFiles(_factory.DataDirectory, "regulator.db*");
        files.ShouldNotBeEmpty();
        var bytes = files.SelectMany(File.ReadAllBytes).ToArray();
        foreach (var value in new[] { "canary-7741", "Zebulon", "Quaxworth", "zebulon.quaxworth@canary.test", "Yarrowmere", "94105", "1961-07-04", "+81 90 1234 5678", "100-0001" })
        {
            Contains(bytes, Encoding.UTF8.GetBytes(value)).ShouldBeFalse($"'{value}' found in the regulator's database");
        }
    }

    private static string Csv(int first, int count, string region)
    {
        var csv = new StringBuilder("external_id,given_name,email,country,region\n");
        for (var i = first; i < first + count; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"tx-{i},Person{i},person{i}@example.test,US,{region}\n");
        }

        return csv.ToString();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
