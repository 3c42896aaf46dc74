using NotifyHub.BuildingBlocks.Text;
using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Letters;

/// <summary>
/// Checks an incident's notice templates against a rule's <c>noticeMustNotState</c> (Massachusetts, c. 93H §3(b)),
/// on the fingerprints the notifications module sends (never the text). Deliberately plain, so a privacy officer can
/// predict it; it warns, it never blocks:
/// <list type="bullet">
/// <item><c>affected-count</c>: the text states a number of people ("1,200 residents", "1 200 personnes"), or states
/// the incident's affected count (the jurisdiction's or the whole incident's, when it is 10 or more).</item>
/// <item><c>nature</c>: the text uses a word of the incident's summary (five letters or more, common notice words
/// aside) or a word that names its cause (e.g. "ransomware", "hacked" for a malicious attack).</item>
/// </list>
/// </summary>
public static class NoticeCheck
{
    public const string AffectedCount = "affected-count";
    public const string Nature = "nature";

    public static IReadOnlyList<string> Codes { get; } = [AffectedCount, Nature];

    /// <summary>Below this, an affected count is too likely to be some other number in the text (a day, a month).</summary>
    private const long SmallestTellingCount = 10;

    public static IReadOnlyList<NoticeWarning> Warnings(IReadOnlyList<string> mustNotState, IncidentFacts facts, long jurisdictionAffected)
    {
        ArgumentNullException.ThrowIfNull(mustNotState);
        ArgumentNullException.ThrowIfNull(facts);
        if (mustNotState.Count == 0 || facts.NoticeTemplates.Count == 0)
        {
            return [];
        }

        var counts = new HashSet<long> { jurisdictionAffected, facts.Affected.Values.Sum() };
        counts.RemoveWhere(c => c < SmallestTellingCount);
        var natureWords = mustNotState.Contains(Nature) ? NatureVocabulary.Hashes(facts.Summary, facts.Cause) : [];
        var warnings = new List<NoticeWarning>();
        foreach (var template in facts.NoticeTemplates)
        {
            if (mustNotState.Contains(AffectedCount) && (template.PeopleCounts.Count > 0 || template.Numbers.Any(counts.Contains)))
            {
                warnings.Add(new NoticeWarning(AffectedCount, template.TemplateId, template.Channel, template.Language));
            }

            if (natureWords.Overlaps(template.WordHashes))
            {
                warnings.Add(new NoticeWarning(Nature, template.TemplateId, template.Channel, template.Language));
            }
        }

        return warnings;
    }

    /// <summary>Hashes as <see cref="TextFingerprint"/> makes them, for a set of words.</summary>
    internal static HashSet<long> Hash(IEnumerable<string> words) => [.. words.Select(TextFingerprint.Hash)];
}
