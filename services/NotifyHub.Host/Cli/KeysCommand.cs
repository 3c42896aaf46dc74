using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Keys;
using System.CommandLine;

namespace NotifyHub.Host;

/// <summary><c>notifyhub keys rotate-root</c>: re-wraps every stored key under a new root key; no data is re-encrypted.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Key management.");
        var rotate = new Command("rotate-root",
            "Generate a new root key and re-wrap every stored key under it. Stop every NotifyHub process first: they hold the old root key.");
        rotate.SetAction((_, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            RootKeyRotated rotated;
            try
            {
                // The rotation's own root_key.rotate entry names the operator (CliAudit).
                rotated = await CliAudit.RunAsync(app.Services, "keys rotate-root",
                    () => scope.ServiceProvider.GetRequiredService<RootKeyRotation>().RotateAsync(actorUserId: null, ct),
                    _ => new AuditEvent(PrivilegedActions.CliVerb("keys rotate-root"), AuditOutcomes.Done),
                    ct);
            }
            catch (NotSupportedException e)
            {
                throw new CliException(e.Message);
            }

            await System.Console.Out.WriteLineAsync(
                $"Root key rotated: {rotated.OldRootId} -> {rotated.NewRootId}; {rotated.KeysRewrapped} stored keys re-wrapped.");
            if (rotated.NewKeyForConfiguration is { } newKey)
            {
                // The root key came from configuration, which this process cannot edit: hand the new key over once.
                await System.Console.Out.WriteLineAsync(
                    "The root key is set in configuration: replace NotifyHub:Keys:RootKey with the key below before starting NotifyHub again.");
                await System.Console.Out.WriteLineAsync(newKey);
            }
        }));
        keys.Subcommands.Add(rotate);
        return keys;
    }
}
