using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;
using NotifyHub.Notifications.PrintHouses;
using NotifyHub.Testing;
using System.Security.Cryptography;

namespace NotifyHub.Notifications.Tests.PrintHouses;

/// <summary>
/// Hand-overs to a real sshd interrupted mid-upload (cancelled, or the server killed): the print house never sees a
/// partial batch as complete, and after the retry it holds each batch exactly once.
/// </summary>
public sealed class A_hand_over_cut_short
{
    [Fact]
    public async Task Is_replaced_by_the_retry_and_leaves_each_batch_exactly_once()
    {
        await using var sshd = await SshServer.StartAsync();
        var (handOver, house) = Setup(sshd, sshd.HostKeySha256);
        var batchId = Guid.CreateVersion7();
        var incoming = Path.Combine(sshd.Root, DropBoxFolders.Incoming);

        // 1. Cancelled while the PDF is being written: only the temporary file exists, nothing under a final name.
        using (var cancel = new CancellationTokenSource())
        {
            var upload = handOver.HandOverAsync(house, batchId, Files(batchId, 48 << 20), cancel.Token);
            var part = Path.Combine(incoming, DropBoxFolders.TempName($"{batchId:N}.pdf.gpg"));
            await UntilAsync(() => upload.IsCompleted || (File.Exists(part) && new FileInfo(part).Length > 0));
            await cancel.CancelAsync();
            var cancelled = false;
            try
            {
                await upload;
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
            }

            cancelled.ShouldBeTrue("the upload was still running when cancelled");
        }

        Complete(incoming).ShouldBeEmpty();
        File.Exists(Path.Combine(incoming, PrintHouseHandOver.ChecksumName(batchId))).ShouldBeFalse();

        // 2. The server killed mid-upload of the retry (a dropped connection): still nothing complete.
        var retry = handOver.HandOverAsync(house, batchId, Files(batchId, 48 << 20), CancellationToken.None);
        var pdfPart = Path.Combine(incoming, DropBoxFolders.TempName($"{batchId:N}.pdf.gpg"));
        var before = File.Exists(pdfPart) ? new FileInfo(pdfPart).LastWriteTimeUtc : default;
        await UntilAsync(() => retry.IsCompleted
            || (File.Exists(pdfPart) && new FileInfo(pdfPart).LastWriteTimeUtc != before && new FileInfo(pdfPart).Length > 0));
        sshd.Stop();
        var dropped = await retry;
        dropped.IsSent.ShouldBeFalse();
        dropped.Code.ShouldBe("print_house_unreachable");
        File.Exists(Path.Combine(incoming, PrintHouseHandOver.ChecksumName(batchId))).ShouldBeFalse();

        // 3. The next retry completes: each file once, no temporary file left, the checksums match.
        await sshd.RestartAsync();
        var files = Files(batchId, 1 << 20);
        (await handOver.HandOverAsync(house, batchId, files, CancellationToken.None)).IsSent.ShouldBeTrue();
        Directory.GetFiles(incoming).Select(Path.GetFileName).Order().ShouldBe(
            new[] { $"{batchId:N}.manifest.csv.gpg", $"{batchId:N}.pdf.gpg", $"{batchId:N}.sha256" }.Order());
        foreach (var (name, content) in files)
        {
            (await File.ReadAllBytesAsync(Path.Combine(incoming, name))).ShouldBe(content);
        }

        // 4. Handed over once more (a worker that died before recording it): not written again.
        var written = File.GetLastWriteTimeUtc(Path.Combine(incoming, $"{batchId:N}.pdf.gpg"));
        (await handOver.HandOverAsync(house, batchId, Files(batchId, 1 << 20), CancellationToken.None)).IsSent.ShouldBeTrue();
        File.GetLastWriteTimeUtc(Path.Combine(incoming, $"{batchId:N}.pdf.gpg")).ShouldBe(written);
        Directory.GetFiles(incoming).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Refuses_a_server_whose_host_key_is_not_the_pinned_one()
    {
        await using var sshd = await SshServer.StartAsync();
        var (handOver, house) = Setup(sshd, "SHA256:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('='));
        var batchId = Guid.CreateVersion7();

        var result = await handOver.HandOverAsync(house, batchId, Files(batchId, 1024), CancellationToken.None);

        result.IsSent.ShouldBeFalse();
        result.Code.ShouldBe("sftp_host_key_mismatch");
        Directory.Exists(Path.Combine(sshd.Root, DropBoxFolders.Incoming)).ShouldBeFalse();
    }

    private static (PrintHouseHandOver HandOver, PrintHouse House) Setup(SshServer sshd, string pinned)
    {
        var boxes = new DropBoxes(Options.Create(new PrintHouseOptions { SftpPrivateKeyPath = sshd.ClientKeyPath }),
            Options.Create(new NotifyHubOptions()), NullLogger<DropBoxes>.Instance);
        var house = new PrintHouse
        {
            Id = Guid.CreateVersion7(),
            Name = "Example Print Ltd",
            PublicKey = "(not used: the files below stand for encrypted ones)",
            KeyFingerprint = "00",
            SftpHost = sshd.Host,
            SftpPort = sshd.Port,
            SftpUser = sshd.User,
            SftpHostKeySha256 = pinned,
            CreatedBy = "test",
        };
        return (new PrintHouseHandOver(boxes, NullLogger<PrintHouseHandOver>.Instance), house);
    }

    /// <summary>Random bytes, as encrypted files are: each attempt's differ (a new session key every time).</summary>
    private static List<(string Name, byte[] Content)> Files(Guid batchId, int pdfBytes) =>
    [
        ($"{batchId:N}.pdf.gpg", RandomNumberGenerator.GetBytes(pdfBytes)),
        ($"{batchId:N}.manifest.csv.gpg", RandomNumberGenerator.GetBytes(4096)),
    ];

    /// <summary>Polls tightly: the moment to interrupt is while the upload runs, which lasts a fraction of a second.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 30_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        condition().ShouldBeTrue();
    }

    private static string[] Complete(string incoming) =>
        Directory.Exists(incoming) ? [.. Directory.GetFiles(incoming).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.'))] : [];
}
