using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>The API calls the tests make, and what they read back from the host (decrypting as the controller).</summary>
public sealed class IntakeClient(NotifyHubFactory factory, HttpClient http)
{
    public HttpClient Http => http;

    public static async Task<IntakeClient> CreateAsync(NotifyHubFactory factory) => new(factory, await StaffAccounts.PrivacyOfficerClientAsync(factory));

    public async Task<Guid> OpenIncidentAsync(params string[] categories)
    {
        var response = await http.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Dealer CRM breach",
            summary = "Customer records copied from a vendor's CRM.",
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "vendor",
            dataCategories = categories.Length > 0 ? categories : ["name", "contact"],
            jurisdictions = new[] { "JP", "FR" },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> PostAsync(Guid incident, byte[] body, string contentType = "text/csv", string? encoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var query = encoding is null ? "" : $"?encoding={encoding}";
        return http.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports{query}", UriKind.Relative), content);
    }

    /// <summary>Uploads and waits for the background import to finish; returns its final status.</summary>
    public async Task<ImportState> ImportAsync(Guid incident, byte[] body, string contentType = "text/csv", string? encoding = null)
    {
        var response = await PostAsync(incident, body, contentType, encoding);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        ImportState? status = null;
        await Eventually.TrueAsync(async () =>
        {
            status = await http.GetFromJsonAsync<ImportState>($"/api/v1/incidents/{incident}/imports/{id}");
            return status!.Status != "running";
        }, TimeSpan.FromSeconds(60));
        status!.Status.ShouldBe("completed", status.Failure);
        return status with { Incident = incident };
    }

    public Task<ImportState> ImportCsvAsync(Guid incident, string csv) => ImportAsync(incident, Encoding.UTF8.GetBytes(csv));

    public async Task<List<string[]>> ErrorsAsync(ImportState status)
    {
        var csv = await http.GetStringAsync(new Uri($"/api/v1/incidents/{status.Incident}/imports/{status.Id}/errors", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("line,column,code,message");
        return [.. lines.Skip(1).Select(SplitCsv)];
    }

    /// <summary>Everyone stored for the incident, decrypted as the controller would (for assertions only).</summary>
    public async Task<List<Person>> PeopleAsync(Guid incident)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var people = new List<Person>();
        foreach (var party in await db.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).ToListAsync())
        {
            var fields = await cipher.DecryptRecordAsync(party.Record, party.Id, PartyEncoder.RecordName);
            people.Add(new Person(party, fields.ToDictionary(f => f.Key, f => f.Value.Reveal())));
        }

        return people;
    }

    /// <summary>Copies every outbox row of the intake database as it is written (a trigger), before dispatch deletes it.</summary>
    public async Task CaptureOutboxAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "intake.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS outbox_capture (MessageType TEXT, Body TEXT);
            CREATE TRIGGER IF NOT EXISTS outbox_capture_trigger AFTER INSERT ON outbox_messages
            BEGIN INSERT INTO outbox_capture VALUES (NEW.MessageType, NEW.Body); END;
            """;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<(string Type, string Body)>> CapturedAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "intake.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Bus messages only: audit entries also pass through the outbox but are appended to the audit chain, never published.
        command.CommandText = "SELECT MessageType, Body FROM outbox_capture WHERE MessageType <> 'notifyhub:audit-entry'";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    public static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    public sealed record ImportState(Guid Id, string Status, long RowsRead, long Accepted, long Updated, long Rejected, long Warnings, string? Failure)
    {
        public Guid Incident { get; init; }
    }

    public sealed record Person(AffectedParty Row, Dictionary<string, string> Fields)
    {
        public string? this[string field] => Fields.GetValueOrDefault(field);
    }
}

/// <summary>One host for a test class: the import tests each open their own incident, so they can share it.</summary>
public sealed class IntakeHost : IAsyncLifetime
{
    public NotifyHubFactory Factory { get; } = new();

    public IntakeClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = await IntakeClient.CreateAsync(Factory);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
