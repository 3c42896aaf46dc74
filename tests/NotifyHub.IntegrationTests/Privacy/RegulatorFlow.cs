using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Regulator.Database;
using NotifyHub.Testing;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>
/// The canary on the regulator: its import reaches the obligations as a count, and the regulator's tables can hold
/// nothing person-level at all, not even as ciphertext: no binary column, no column named after a contact field or a
/// person (a filing's "reference" is the authority's case number, not a reference code), only aggregates, clocks,
/// assessments and filings.
/// </summary>
internal static class RegulatorFlow
{
    private static readonly string[] PersonColumns =
        ["person", "given", "family", "email", "phone", "address", "locality", "postcode", "birth", "external", "referencecode", "reference_code"];

    public static async Task RunAsync(CanaryHost host, HttpClient officer, Guid incidentId)
    {
        await Eventually.TrueAsync(async () =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}/obligations"))
                .EnumerateArray().Any(o => o.GetProperty("affected").GetInt64() >= 1),
            TimeSpan.FromSeconds(60), "the regulator never counted the canary");

        await using var scope = host.Services.CreateAsyncScope();
        var regulator = scope.ServiceProvider.GetRequiredService<RegulatorDbContext>();
        var columns = regulator.Model.GetEntityTypes()
            .Where(t => t.ClrType.Assembly == typeof(RegulatorDbContext).Assembly)
            .SelectMany(t => t.GetProperties().Select(p => (Table: t.GetTableName(), Column: p.GetColumnName(), p.ClrType)))
            .ToList();
        columns.ShouldNotBeEmpty();
        columns.Where(c => c.ClrType == typeof(byte[])).ShouldBeEmpty("a binary column could hold a sealed personal value");
        columns.Where(c => PersonColumns.Any(word => c.Column.Contains(word, StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();
    }
}
