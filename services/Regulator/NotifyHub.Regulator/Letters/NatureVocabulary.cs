using System.Text.RegularExpressions;

namespace NotifyHub.Regulator.Letters;

/// <summary>The words that would tell a reader the nature of the breach: the summary's own, and the cause's usual ones.</summary>
internal static partial class NatureVocabulary
{
    /// <summary>Words any notice uses whatever the breach: they say nothing about its nature.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "about", "affected", "after", "because", "before", "being", "between", "could", "customers", "details", "during",
        "information", "notice", "other", "people", "personal", "please", "privacy", "protect", "records", "residents",
        "security", "should", "their", "there", "these", "those", "through", "under", "which", "while", "would", "incident",
        "company", "contact", "include", "included", "including", "number", "names", "addresses", "where", "within",
    };

    private static readonly Dictionary<string, string[]> ByCause = new(StringComparer.Ordinal)
    {
        ["malicious_attack"] = ["attack", "attacked", "attacker", "attackers", "cyberattack", "hacked", "hacker", "hackers", "ransomware", "malware", "phishing", "intrusion", "criminal", "criminals"],
        ["insider"] = ["insider", "employee", "employees", "misused", "misuse"],
        ["vendor"] = ["vendor", "supplier", "contractor", "processor", "subcontractor"],
        ["misconfiguration"] = ["misconfigured", "misconfiguration", "exposed", "publicly", "server", "database"],
        ["human_error"] = ["mistake", "mistakenly", "error", "misdirected", "wrongly"],
        ["lost_device"] = ["lost", "stolen", "theft", "laptop", "device", "phone"],
    };

    public static HashSet<long> Hashes(string summary, string cause)
    {
        var words = Word().Matches(summary ?? "").Select(m => m.Value.ToLowerInvariant())
            .Where(w => w.Length >= 5 && !Common.Contains(w))
            .Concat(ByCause.GetValueOrDefault(cause) ?? []);
        return NoticeCheck.Hash(words);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
