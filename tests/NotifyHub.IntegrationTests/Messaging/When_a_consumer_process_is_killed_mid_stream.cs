using NotifyHub.Testing;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace NotifyHub.IntegrationTests.Messaging;

/// <summary>
/// Intake, regulator and notifications in separate processes over real RabbitMQ and PostgreSQL: the outbox
/// and inboxes must make a SIGKILL of a consumer invisible — every incident recorded once, none lost.
/// </summary>
public sealed class When_a_consumer_process_is_killed_mid_stream(ITestOutputHelper output)
{
    private const int Incidents = 1000;

    [Fact]
    public async Task Regulator_ends_with_exactly_every_incident_once()
    {
        await using var cluster = await ServiceCluster.StartAsync("console", "intake", "regulator", "notifications");
        using var intake = await cluster.PrivacyOfficerClientAsync("intake");
        var opened = 0;

        var opening = Parallel.ForEachAsync(Enumerable.Range(0, Incidents), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) =>
            {
                var response = await intake.PostAsJsonAsync("api/v1/incidents", NewIncident(i), ct);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref opened);
            });

        // Kill the regulator once it is visibly consuming, while intake is still publishing.
        await Eventually.TrueAsync(async () => await RegulatorCountAsync(cluster) >= 100, TimeSpan.FromSeconds(120));
        cluster["regulator"].Kill();
        var atKill = await RegulatorCountAsync(cluster);
        output.WriteLine($"regulator killed with {atKill} incidents recorded, {opened} opened");
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref opened) >= atKill + 300 || opening.IsCompleted),
            TimeSpan.FromSeconds(120));
        await cluster["regulator"].StartAsync();
        await opening;

        await Eventually.TrueAsync(async () => await RegulatorCountAsync(cluster) >= Incidents, TimeSpan.FromSeconds(180));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for any duplicate to land
        (await RegulatorCountAsync(cluster)).ShouldBe(Incidents);
        (await cluster.Database.ScalarAsync("SELECT count(*) FROM regulator.inbox_messages")).ShouldBe(Incidents);
        atKill.ShouldBeLessThan(Incidents, "the kill must happen mid-stream for this test to mean anything");

        await Eventually.TrueAsync(async () =>
            await cluster.Database.ScalarAsync("SELECT count(*) FROM notifications.incidents") == Incidents, TimeSpan.FromSeconds(60));
        (await cluster.Database.ScalarAsync("SELECT count(*) FROM intake.outbox_messages")).ShouldBe(0);
        (await cluster.Broker.MessageCountAsync("regulator-incident-opened_error")).ShouldBe(0);
    }

    private static Task<long> RegulatorCountAsync(ServiceCluster cluster) =>
        cluster.Database.ScalarAsync("SELECT count(*) FROM regulator.incidents");

    private static object NewIncident(int i) => new
    {
        title = $"Incident {i}",
        summary = "Contractor uploaded customer records to a personal cloud drive.",
        discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
        cause = "insider",
        dataCategories = new[] { "name", "contact" },
        jurisdictions = new[] { "JP", "AU-NSW" },
    };
}
