namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Who acts when no signed-in user does: a CLI verb runs inside <see cref="CommandLine"/>, and every entry appended
/// meanwhile (directly or through a module's outbox) names the verb, the operating-system user and the host, so
/// no privileged action is left with an empty actor.
/// </summary>
public static class AuditOperator
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string>?> Current = new();

    /// <summary>The details of the operator running now, or null inside a web request or a background job.</summary>
    public static IReadOnlyDictionary<string, string>? Details => Current.Value;

    public static IDisposable CommandLine(string verb)
    {
        var previous = Current.Value;
        Current.Value = new Dictionary<string, string>
        {
            ["via"] = "cli",
            ["cli_verb"] = verb,
            ["os_user"] = Environment.UserName,
            ["os_host"] = Environment.MachineName,
        };
        return new Restore(previous);
    }

    /// <summary>Adds the operator's details to <paramref name="auditEvent"/>; what the event already says wins.</summary>
    public static AuditEvent Attribute(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (Current.Value is not { } operatorDetails)
        {
            return auditEvent;
        }

        var details = new Dictionary<string, string>(operatorDetails);
        foreach (var (key, value) in auditEvent.Details ?? new Dictionary<string, string>())
        {
            details[key] = value;
        }

        return auditEvent with { Details = details };
    }

    private sealed class Restore(IReadOnlyDictionary<string, string>? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
