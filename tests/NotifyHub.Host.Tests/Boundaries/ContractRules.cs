using System.Reflection;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// What a message contract may be: a sealed record in <c>NotifyHub.Contracts.&lt;Module&gt;</c> whose properties
/// are ids, codes, counts, times, enums or ciphertext. A string is a code or a title only under a reviewed name: a new
/// string property (an email, a note) must be argued for here, in review, before it can ship.
/// </summary>
public static class ContractRules
{
    public static readonly IReadOnlySet<string> Folders = new HashSet<string>(StringComparer.Ordinal)
    {
        "Intake", "Notifications", "CallCentre", "Regulator", "Portal", "Console", "Privacy",
    };

    /// <summary>Strings that hold codes (cause, channel, status, language, purpose, jurisdiction), a user id, or an incident's own title and summary (not personal data).</summary>
    public static readonly IReadOnlySet<string> StringNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "Title", "Summary", "Cause", "Channel", "Status", "ErrorCode", "Purpose", "Language", "RevokedBy",
        "Kind", "Jurisdiction", "Authority", "Outcome", "Code", "ReasonCode",
        "DataCategories", "Jurisdictions", "Purposes", "Channels",
    };

    private static readonly HashSet<Type> Scalars =
    [
        typeof(Guid), typeof(int), typeof(long), typeof(bool), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeSpan),
        typeof(byte[]), // ciphertext
    ];

    public static IEnumerable<Type> ContractsIn(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => !(t.IsAbstract && t.IsSealed)); // static catalogues are not messages

    public static IReadOnlyList<string> Violations(Type type)
    {
        var found = new List<string>();
        var folder = type.Namespace?.StartsWith("NotifyHub.Contracts.", StringComparison.Ordinal) == true
            ? type.Namespace["NotifyHub.Contracts.".Length..] : null;
        if (folder is null || !Folders.Contains(folder))
        {
            found.Add($"{type.Name}: not in NotifyHub.Contracts.<Module> ({type.Namespace})");
        }

        if (!type.IsSealed)
        {
            found.Add($"{type.Name}: not sealed");
        }

        if (type.GetMethod("<Clone>$") is null)
        {
            found.Add($"{type.Name}: not a record");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            if (!Allowed(property.PropertyType, property.Name))
            {
                found.Add($"{type.Name}.{property.Name}: {property.PropertyType.Name} is not an id, code, count, time, enum or ciphertext");
            }
        }

        return found;
    }

    private static bool Allowed(Type type, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalars.Contains(type) || type.IsEnum)
        {
            return true;
        }

        if (type == typeof(string))
        {
            return StringNames.Contains(name);
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
            {
                return Allowed(arguments[0], name);
            }

            // Aggregates keyed by a code: counts per jurisdiction, per channel.
            if (definition == typeof(IReadOnlyDictionary<,>))
            {
                return arguments[0] == typeof(string) && arguments[1] != typeof(string) && Allowed(arguments[1], name);
            }
        }

        // A part of a message (e.g. ProjectedParty) obeys the same rules, checked on its own.
        return type.Assembly == typeof(NotifyHub.Contracts.DataCategories).Assembly && Violations(type).Count == 0;
    }
}
