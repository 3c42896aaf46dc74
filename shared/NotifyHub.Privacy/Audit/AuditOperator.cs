namespace NotifyHub.Privacy.Audit;

/// <summary>
/// Who acts when no signed-in user does: a CLI verb runs inside <see cref="CommandLine"/>, and every entry appended
/// meanwhile (directly or through a module's outbox) names the verb, the operating-system user and the host, so
/// no privileged action is left with an empty actor.
/// </summary>
public static class AuditOperator
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>The details of the operator running now, or null inside a web request or a background job.</summary>
    public static IReadOnlyDictionary<string, string>? Details => Current.Value?.Details;

    /// <summary>How many entries were attributed to the current operator so far (a verb that wrote none records itself).</summary>
    public static int EntriesAttributed => Current.Value?.Entries ?? 0;

    public static IDisposable CommandLine(string verb)
    {
        var previous = Current.Value;
        Current.Value = new Scope(new Dictionary<string, string>
        {
            ["via"] = "cli",
            ["cli_verb"] = verb,
            ["os_user"] = Environment.UserName,
            ["os_host"] = Environment.MachineName,
        });
        return new Restore(previous);
    }

    /// <summary>Adds the operator's details to <paramref name="auditEvent"/>; what the event already says wins.</summary>
    public static AuditEvent Attribute(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (Current.Value is not { } scope)
        {
            return auditEvent;
        }

        Interlocked.Increment(ref scope.Entries);
        var details = new Dictionary<string, string>(scope.Details);
        foreach (var (key, value) in auditEvent.Details ?? new Dictionary<string, string>())
        {
            details[key] = value;
        }

        return auditEvent with { Details = details };
    }

    /// <summary>A class, not a value: entries appended in child tasks count towards the verb that started them.</summary>
    private sealed class Scope(IReadOnlyDictionary<string, string> details)
    {
        public IReadOnlyDictionary<string, string> Details { get; } = details;

#pragma warning disable CA1051 // a field, so Interlocked can increment it
        public int Entries;
#pragma warning restore CA1051
    }

    private sealed class Restore(Scope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
