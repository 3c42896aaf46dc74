using System.CommandLine;
using NotifyHub.Privacy.Audit;

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
            var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(ct);
            if (!result.IsValid)
            {
                throw new CliException($"audit chain broken at entry {result.BrokenAtSequence}: {result.Message}");
            }

            await System.Console.Out.WriteLineAsync($"{result.Message} Head hash: {result.HeadHash}");
            return 0;
        }));
        audit.Subcommands.Add(verify);
        return audit;
    }
}
