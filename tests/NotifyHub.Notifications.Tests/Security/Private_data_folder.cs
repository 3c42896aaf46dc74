using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Security;

/// <summary>
/// The embedded defaults after a whole flow (an import through the API, then a campaign on every channel): only the
/// user running NotifyHub can read anything under the data folder, and the file outboxes hold no personal value in
/// clear, although they hold everyone's messages.
/// </summary>
public sealed class Private_data_folder
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly string[] Canaries = ["Zoltanqx", "Fenwickpriv", "zoltanqx.fenwick", "33612345678", "Secretaddr"];

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Every_file_is_0600_every_folder_0700_and_the_outboxes_hold_no_canary_in_clear()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        var csv = new StringBuilder("external_id,given_name,family_name,email,phone,address_line1,locality,postcode,country,language\n");
        csv.Append("EXT-ZEBRA-0001,Zoltanqx,Fenwickpriv,zoltanqx.fenwick@victim.example,,,,,GB,en\n");
        csv.Append("EXT-ZEBRA-0002,Zoltanqx,Fenwickpriv,,+33612345678,,,,FR,fr\n");
        csv.Append("EXT-ZEBRA-0003,Zoltanqx,Fenwickpriv,,,12 Rue Secretaddr,Paris,75011,FR,fr\n");
        using (var body = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))
        {
            var started = await app.Client.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), body);
            started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        }

        await Eventually.TrueAsync(() => app.QueryAsync(async db =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AffectedParties, p => p.IncidentId == incident) >= 3),
            TimeSpan.FromSeconds(60));
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms", "letter"], "first-available", await app.StandardTemplatesAsync(incident));
        await app.LaunchAsync(campaign);
        (await app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(3);

        var data = app.Factory.DataDirectory;
        var loose = Directory.EnumerateFileSystemEntries(data, "*", SearchOption.AllDirectories).Prepend(data)
            .Select(path => (path, mode: File.GetUnixFileMode(path)))
            .Where(e => (e.mode & GroupOrOthers) != 0)
            .Select(e => $"{Path.GetRelativePath(data, e.path)} {Convert.ToString((int)e.mode, 8)}")
            .ToList();
        loose.ShouldBeEmpty();
        Directory.GetFiles(data, "*.db-wal").ShouldNotBeEmpty("the SQLite write-ahead logs are checked too");

        var outboxes = Directory.GetFiles(Path.Combine(data, "outbox"), "*", SearchOption.AllDirectories);
        outboxes.Select(Path.GetFileName).ShouldContain(f => f!.EndsWith(".eml.enc", StringComparison.Ordinal));
        outboxes.Select(Path.GetFileName).ShouldContain(f => f!.EndsWith(".json.enc", StringComparison.Ordinal));
        foreach (var file in outboxes)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var canary in Canaries)
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)).ShouldBe(-1, $"{canary} in clear in {Path.GetFileName(file)}");
            }
        }

        // Still readable by whoever holds the key: the email names the person, the SMS goes to their number.
        OutboxFiles.Text((await OutboxFiles.EmailsAsync(app.Factory.Services, data)).ShouldHaveSingleItem()).ShouldContain("Zoltanqx");
        using var sms = JsonDocument.Parse((await OutboxFiles.SmsAsync(app.Factory.Services, data)).ShouldHaveSingleItem());
        sms.RootElement.GetProperty("to").GetString().ShouldBe("+33612345678");
    }
}
