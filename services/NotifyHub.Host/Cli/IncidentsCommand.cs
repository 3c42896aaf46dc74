using Mediator;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Intake.Incidents;
using NotifyHub.Privacy.Audit;
using System.CommandLine;
using System.Globalization;

namespace NotifyHub.Host;

/// <summary>
/// <c>notifyhub incidents purge [--dry-run]</c>: retention. For every closed incident past its retain-until date,
/// shreds its keys (NotifyHub.Privacy's IncidentShredder), deletes its people and marks it purged. Runs against the
/// configured database and data directory, like the server; meant for a daily cron job.
/// </summary>
public static class IncidentsCommand
{
    public static Command Create()
    {
        var incidents = new Command("incidents", "Incident maintenance.");
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be purged; change nothing." };
        var purge = new Command("purge", "Shred closed incidents whose retention period has passed.") { dryRun };
        purge.SetAction((parse, ct) => CliGuard.Run(async () =>
        {
            await using var app = await CliHost.StartAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var dry = parse.GetValue(dryRun);
            // No signed-in user at the command line: the operator is named by CliAudit, each shred entry included.
            var purged = await CliAudit.RunAsync(app.Services, "incidents purge",
                async () => await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeIncidents(dry, Guid.Empty), ct),
                purged => new AuditEvent(PrivilegedActions.CliVerb("incidents purge"), AuditOutcomes.Done)
                {
                    Details = new Dictionary<string, string>
                    {
                        ["dry_run"] = dry ? "true" : "false",
                        ["incidents"] = purged.Count.ToString(CultureInfo.InvariantCulture),
                    },
                },
                ct);
            var verb = dry ? "would purge" : "purged";
            foreach (var incident in purged)
            {
                await System.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{verb} {incident.Id}  retained until {incident.RetainUntil:yyyy-MM-dd}  {incident.PeopleDeleted} people  \"{incident.Title}\""));
            }

            await System.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{purged.Count} incident(s) {verb}, {purged.Sum(i => i.PeopleDeleted)} people."));
            return 0;
        }));
        incidents.Subcommands.Add(purge);
        return incidents;
    }
}
