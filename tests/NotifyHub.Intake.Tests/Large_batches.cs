using NotifyHub.Intake.Imports;
using NotifyHub.Testing;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>
/// A batch size larger than 1,000 must not make the messages or the people held in memory grow with it: each batch is
/// prepared in parts of at most 1,000 rows, and its events go out in parts of at most 1,000 people.
/// </summary>
public sealed class Large_batches
{
    [Fact]
    public async Task A_batch_of_2500_people_is_published_in_parts_of_at_most_1000()
    {
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["NotifyHub:Intake:ImportBatchSize"] = "2500" });
        var api = await IntakeClient.CreateAsync(factory);
        await api.CaptureOutboxAsync();
        var incident = await api.OpenIncidentAsync();
        var csv = new StringBuilder("external_id,given_name,email\n");
        for (var i = 0; i < 2600; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"B-{i},Person{i},p{i}@example.com\n");
        }

        var status = await api.ImportCsvAsync(incident, csv.ToString());

        status.Accepted.ShouldBe(2600);
        var messages = (await api.CapturedAsync()).Where(m => m.Body.Contains(incident.ToString(), StringComparison.Ordinal)).ToList();
        foreach (var type in new[] { "AffectedPartiesImported", "AffectedPartiesListed", "PortalPartiesProjected" })
        {
            var sizes = messages.Where(m => m.Type.Contains(type, StringComparison.Ordinal))
                .Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty(type == "AffectedPartiesImported" ? "personIds" : "parties").GetArrayLength())
                .ToList();
            sizes.ShouldBe([1000, 1000, 500, 100], ignoreOrder: true, type);
        }
    }

    [Theory]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(100, new[] { 100 })]
    [InlineData(2500, new[] { 1000, 1000, 500 })]
    [InlineData(5000, new[] { 1000, 1000, 1000, 1000, 1000 })]
    public void A_batch_is_prepared_in_parts_of_at_most_1000_rows(int batchSize, int[] parts) =>
        ImportProcessor.Parts(batchSize).ShouldBe(parts);

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(0, 2, 1)]
    [InlineData(0, 8, 7)]
    [InlineData(0, 64, 16)]
    [InlineData(3, 2, 3)]
    public void Parts_queued_ahead_follow_the_cores_unless_set(int configured, int cores, int depth) =>
        IntakeOptions.DepthFor(configured, cores).ShouldBe(depth);
}
