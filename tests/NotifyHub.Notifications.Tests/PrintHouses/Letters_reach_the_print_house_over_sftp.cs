using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using Renci.SshNet;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Notifications.Tests.PrintHouses;

/// <summary>
/// A campaign's letters handed to a print house's real SFTP server (sshd on loopback), encrypted to its OpenPGP key:
/// the print house downloads them, checks the checksums, opens them with gpg and reads them with pdftotext.
/// </summary>
public sealed class Letters_reach_the_print_house_over_sftp
{
    [Fact]
    public async Task Every_person_is_in_exactly_one_batch_that_only_the_print_house_key_opens()
    {
        await using var sshd = await SshServer.StartAsync();
        using var gpg = await GpgHome.CreateAsync();
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Letters:BatchSize"] = "2",
            ["NotifyHub:PrintHouses:SftpPrivateKeyPath"] = sshd.ClientKeyPath,
        });
        var incident = await app.OpenIncidentAsync();
        await PrintHouseApi.RegisterAsync(app, gpg.PublicKey, new { host = sshd.Host, port = sshd.Port, user = sshd.User, hostKeySha256 = sshd.HostKeySha256 },
            incident);
        var people = Enumerable.Range(1, 5).Select(i => TestPerson.Create(i, address: $"{i} High Street")).ToList();
        await app.SeedAndWaitAsync(incident, people);
        var campaign = await app.CreateCampaignAsync(incident, ["letter"], "all",
            new() { ["letter"] = await app.ApproveProofsAsync(await app.CreateTemplateAsync(incident, SampleTemplates.Letter)) });

        await app.LaunchAsync(campaign);
        (await app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(5);

        // The print house's side: download over SFTP, verify the checksum file, decrypt with gpg.
        using var sftp = new SftpClient(sshd.Host, sshd.Port, sshd.User, new PrivateKeyFile(sshd.ClientKeyPath));
        await sftp.ConnectAsync(CancellationToken.None);
        var names = new List<string>();
        await foreach (var file in sftp.ListDirectoryAsync("incoming", CancellationToken.None))
        {
            if (file.IsRegularFile)
            {
                names.Add(file.Name);
            }
        }

        names.ShouldNotContain(n => n.StartsWith('.'), "no temporary file is left behind");
        var checksums = names.Where(n => n.EndsWith(".sha256", StringComparison.Ordinal)).ToList();
        checksums.Count.ShouldBe(3, string.Join(", ", names)); // 5 letters in batches of 2
        names.Count.ShouldBe(9);
        var texts = new List<string>();
        var manifestLetters = new List<string>();
        foreach (var checksum in checksums)
        {
            foreach (var line in Encoding.ASCII.GetString(await DownloadAsync(sftp, checksum)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var (sum, name) = (line[..64], line[66..]);
                var encrypted = await DownloadAsync(sftp, name);
                Convert.ToHexStringLower(SHA256.HashData(encrypted)).ShouldBe(sum);
                var clear = await gpg.DecryptAsync(encrypted);
                if (name.EndsWith(".pdf.gpg", StringComparison.Ordinal))
                {
                    texts.Add(await PdfText.ExtractAsync(clear));
                }
                else
                {
                    manifestLetters.AddRange(Encoding.UTF8.GetString(clear).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]));
                }
            }
        }

        foreach (var person in people)
        {
            texts.Count(t => t.Contains(person.ReferenceCode, StringComparison.Ordinal)).ShouldBe(1, person.ReferenceCode);
            texts.Count(t => t.Contains(person.FamilyName, StringComparison.Ordinal)).ShouldBe(1, person.FamilyName);
        }

        var letterIds = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign && n.Channel == Channel.Letter)
            .Select(n => n.Id).ToListAsync());
        manifestLetters.Select(Guid.Parse).Order().ShouldBe(letterIds.Order());

        // Nothing on our side opens them: no clear PDF in the data folder, and the built-in outbox was not used.
        Directory.Exists(Path.Combine(app.Outbox, "letters")).ShouldBeFalse();
    }

    private static async Task<byte[]> DownloadAsync(SftpClient sftp, string name)
    {
        using var content = new MemoryStream();
        await sftp.DownloadFileAsync($"incoming/{name}", content, CancellationToken.None);
        return content.ToArray();
    }
}
