using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Privacy.Audit;
using System.CommandLine;

namespace NotifyHub.Host;

/// <summary><c>notifyhub audit verify</c>: walks the hash chain; exit code 0 when intact, 1 with the first broken entry.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "The hash-chained audit log.");
        var verify = new Command("verify", "Check every audit entry against its hash and its predecessor; name the first broken one.");
        verify.SetAction((_, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var result = await CliAudit.RunAsync(app.Services, "audit verify",
                () => scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(ct),
                AuditVerified,
                ct);
            if (!result.IsValid)
            {
                // One line, naming the entry: the message never spans lines and there is no stack trace.
                throw new CliException($"audit chain broken: {result.Message}");
            }

            await System.Console.Out.WriteLineAsync($"{result.Message} Head hash: {result.HeadHash}");
            return 0;
        }));
        audit.Subcommands.Add(verify);
        return audit;
    }

    /// <summary>Recorded after the check, so the next verification covers this one too.</summary>
    private static AuditEvent AuditVerified(AuditVerification result) =>
        new(PrivilegedActions.AuditVerified, result.IsValid ? AuditOutcomes.Done : AuditOutcomes.Failed)
        {
            Details = new Dictionary<string, string>
            {
                ["entries_checked"] = result.EntriesChecked.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["broken_at"] = result.BrokenAtSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ["break"] = result.Break?.ToString() ?? "",
            },
        };
}
