using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Privacy.Audit;
using System.Security.Claims;

namespace NotifyHub.Console.Audit;

/// <summary>Appends an account event: who did it (a user id, or the command line), to whom, how it ended, and codes.</summary>
public sealed class AccountAudit(AuditLog log)
{
    /// <summary>The actor of a CLI verb: no user id, so the details say it came from the command line.</summary>
    public const string CommandLine = "cli";

    /// <summary>The actor of what the host does by itself at start (the first admin).</summary>
    public const string Startup = "startup";

    public Task AppendAsync(string action, string outcome, string actor, Guid? subject,
        IReadOnlyDictionary<string, string>? details = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string>(details ?? new Dictionary<string, string>());
        if (!Guid.TryParse(actor, out var actorId))
        {
            all["via"] = string.IsNullOrEmpty(actor) ? "anonymous" : actor;
            if (actor == CommandLine)
            {
                // The operating-system account that ran the verb: the only attribution a CLI action has.
                all["osUser"] = Environment.UserName;
            }
        }

        return log.AppendAsync(new AuditEvent(action, outcome)
        {
            ActorUserId = actorId == Guid.Empty ? null : actorId,
            SubjectId = subject,
            Details = all.Count == 0 ? null : all,
        }, cancellationToken);
    }

    public static string ActorOf(ClaimsPrincipal user) => user.ActorId();

    public static string RolesOf(IEnumerable<string> roles) => string.Join(',', roles.Order(StringComparer.Ordinal));
}
