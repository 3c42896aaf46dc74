using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Audit;

/// <summary>The attacks of the security review against the chain: each must fail verify, naming the entry.</summary>
public sealed class AuditChainEvidenceTests : IAsyncLifetime
{
    private PrivacyTestHost _host = null!;

    private AuditLog Log => _host.Get<AuditLog>();

    private string CheckpointFile => Path.Combine(_host.DataDirectory, "audit", "checkpoints");

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_edit_rechained_with_plain_sha256_fails_at_the_edited_entry()
    {
        await AppendAsync(5);
        await _host.ExecuteSqlAsync("UPDATE audit_entries SET actor_user_id = '01A232BB-18C4-7B70-BDB4-03FD02E7D3BC' WHERE sequence = 3");
        await PlainShaForger.RechainAsync(_host);

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.Break.ShouldBe(AuditBreak.HashMismatch);
        result.BrokenAtSequence.ShouldBe(1);
        result.Message.ShouldStartWith("Audit entry 1 ");
    }

    [Fact]
    public async Task A_deletion_rechained_with_plain_sha256_fails()
    {
        await AppendAsync(5);
        await _host.ExecuteSqlAsync("DELETE FROM audit_entries WHERE sequence = 2");
        await PlainShaForger.RechainAsync(_host);

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.Break.ShouldBe(AuditBreak.HashMismatch);
        result.Message.ShouldContain($"Audit entry {result.BrokenAtSequence} ");
    }

    [Fact]
    public async Task Entries_deleted_from_the_end_with_the_head_rewritten_fail_against_the_checkpoint()
    {
        await AppendAsync(5);
        (await Log.VerifyAsync()).IsValid.ShouldBeTrue();
        await _host.ExecuteSqlAsync("DELETE FROM audit_entries WHERE sequence > 3");
        await _host.ExecuteSqlAsync(
            "UPDATE audit_head SET last_sequence = 3, last_hash = (SELECT hash FROM audit_entries WHERE sequence = 3)");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.Break.ShouldBe(AuditBreak.CheckpointMismatch);
        result.BrokenAtSequence.ShouldBe(4);
        result.Message.ShouldStartWith("Audit entry 4 is missing: the checkpoint of");
        result.Message.ShouldContain("names entry 5");
    }

    [Fact]
    public async Task The_checkpointer_refuses_to_anchor_a_head_that_went_backwards()
    {
        await AppendAsync(3);
        await _host.Get<AuditCheckpoints>().WriteAsync();
        await _host.ExecuteSqlAsync("DELETE FROM audit_entries WHERE sequence = 3");
        await _host.ExecuteSqlAsync(
            "UPDATE audit_head SET last_sequence = 2, last_hash = (SELECT hash FROM audit_entries WHERE sequence = 2)");

        var error = await Should.ThrowAsync<AuditTamperedException>(() => _host.Get<AuditCheckpoints>().WriteAsync());

        error.Message.ShouldContain("entry 2");
        (await File.ReadAllLinesAsync(CheckpointFile)).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_tampered_checkpoint_file_is_detected()
    {
        await AppendAsync(2);
        (await Log.VerifyAsync()).IsValid.ShouldBeTrue();
        var line = (await File.ReadAllLinesAsync(CheckpointFile)).Single();
        await File.WriteAllTextAsync(CheckpointFile, line.Replace("v1 2 ", "v1 1 ", StringComparison.Ordinal) + "\n");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.Break.ShouldBe(AuditBreak.CheckpointInvalid);
        result.Message.ShouldContain("Audit checkpoint 1 in");
        result.Message.ShouldContain("tampered");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_checkpoint_file_is_readable_by_its_owner_only()
    {
        await AppendAsync(1);
        (await Log.VerifyAsync()).LastCheckpointSequence.ShouldBe(1);

        File.GetUnixFileMode(CheckpointFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(CheckpointFile)!)
            .ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Theory]
    [InlineData("purpose = 'NotAPurpose'", "Purpose")]
    [InlineData("details = '{\"incident_id\": '", "Details")]
    [InlineData("actor_user_id = 'not-a-guid'", "ActorUserId")]
    public async Task A_row_that_no_longer_parses_is_reported_in_one_line(string corruption, string column)
    {
        await AppendAsync(4);
        await _host.ExecuteSqlAsync($"UPDATE audit_entries SET {corruption} WHERE sequence = 3");

        var result = await Log.VerifyAsync();

        result.IsValid.ShouldBeFalse();
        result.Break.ShouldBe(AuditBreak.Unreadable);
        result.BrokenAtSequence.ShouldBe(3);
        result.EntriesChecked.ShouldBe(2);
        result.Message.ShouldBe($"Audit entry 3 cannot be read: its {column} column holds a value that is not valid.");
    }

    [Fact]
    public async Task The_chain_still_verifies_after_the_root_key_is_rotated()
    {
        var file = Path.Combine(Path.GetTempPath(), $"notifyhub-audit-rotate-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file};Pooling=False";
        try
        {
            string newKey;
            string dataDirectory;
            await using (var before = await PrivacyTestHost.StartAsync(connection))
            {
                await AppendToAsync(before.Get<AuditLog>(), 3);
                (await before.Get<AuditLog>().VerifyAsync()).IsValid.ShouldBeTrue();
                var rotated = await before.Get<RootKeyRotation>().RotateAsync(actorUserId: null);
                newKey = rotated.NewKeyForConfiguration!;
                dataDirectory = before.DataDirectory;
                Directory.Move(dataDirectory, dataDirectory + ".kept");
            }

            await using var after = await PrivacyTestHost.StartAsync(connection, o => o.Keys.RootKey = newKey);
            if (Directory.Exists(after.DataDirectory))
            {
                Directory.Delete(after.DataDirectory, recursive: true);
            }

            Directory.Move(dataDirectory + ".kept", after.DataDirectory);

            var result = await after.Get<AuditLog>().VerifyAsync();

            result.IsValid.ShouldBeTrue(result.Message);
            result.EntriesChecked.ShouldBe(4);
            result.Message.ShouldContain("matches the checkpoint");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task AppendAsync(int count) => AppendToAsync(Log, count);

    private static async Task AppendToAsync(AuditLog log, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(new AuditEvent(AuditActions.ProjectionDecrypt, AuditOutcomes.Granted)
            {
                ActorUserId = Guid.NewGuid(),
                SubjectId = Guid.NewGuid(),
                Purpose = Purpose.CallCentre,
                Details = new Dictionary<string, string> { ["incident_id"] = Guid.NewGuid().ToString() },
            });
        }
    }
}
