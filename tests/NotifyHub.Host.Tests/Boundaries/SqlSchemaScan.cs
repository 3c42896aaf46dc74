using System.Text.RegularExpressions;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Finds hand-written SQL in C# source that names a schema other than the module's own: a string literal holding
/// SQL (a SELECT, INSERT, UPDATE, DELETE, COPY or CREATE) in which another schema name is followed by a dot and a name.
/// </summary>
public static partial class SqlSchemaScan
{
    public static readonly IReadOnlyList<string> Schemas =
        ["intake", "notifications", "callcentre", "regulator", "portal", "console", "privacy", "platform"];

    public static IReadOnlyList<string> ForeignSchemaReferences(string source, string ownSchema)
    {
        var found = new List<string>();
        foreach (Match literal in StringLiteral().Matches(source))
        {
            // Quotes (escaped or not) removed, so "privacy"."stored_keys" reads privacy.stored_keys.
            var text = literal.Value.Replace("\\\"", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
            if (!SqlKeyword().IsMatch(text))
            {
                continue;
            }

            foreach (var schema in Schemas.Where(s => s != ownSchema))
            {
                if (Regex.IsMatch(text, $"(?<![A-Za-z0-9_]){schema}\\.[A-Za-z_]", RegexOptions.IgnoreCase))
                {
                    found.Add($"{schema}: {text.Trim()[..Math.Min(text.Trim().Length, 80)]}");
                }
            }
        }

        return found;
    }

    // Regular, verbatim, interpolated and raw string literals; good enough for SQL, which never nests quotes deeply.
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@?\\$?\"(?:[^\"\\\\\\n]|\\\\.|\"\")*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY|CREATE|ALTER|FROM|JOIN)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlKeyword();
}
