using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NotifyHub.BuildingBlocks.Text;

/// <summary>
/// What one module may tell another about a text without sending the text: the numbers it states, the counts of
/// people it states ("1,200 residents", "1 200 personnes", "1,200人"), and a hash of each distinct word, so the
/// receiver can ask "does it contain this word?" for words it already knows. Both sides must use this class, so the
/// tokens and hashes agree. Words are runs of letters, lower-cased; numbers may group thousands with , . or a space.
/// </summary>
public static partial class TextFingerprint
{
    /// <summary>Enough for any notice; a longer text is still checked on its first words and numbers.</summary>
    public const int MaxWords = 4000;
    public const int MaxNumbers = 200;

    private static readonly HashSet<string> PeopleWords = new(StringComparer.Ordinal)
    {
        "residents", "resident", "people", "persons", "individuals", "customers", "consumers", "users", "patients",
        "members", "clients", "employees", "citizens", "personnes", "résidents", "individus", "utilisateurs", "人", "名",
    };

    public static IReadOnlyList<long> WordHashes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Word().Matches(text).Select(m => Normalise(m.Value)).Where(w => w.Length >= 3).Distinct(StringComparer.Ordinal)
            .Take(MaxWords).Select(Hash)];
    }

    /// <summary>The hash of one word as <see cref="WordHashes"/> computes it (the receiver hashes the words it looks for).</summary>
    public static long Hash(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("notifyhub-word\n" + Normalise(word)), digest);
        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }

    public static IReadOnlyList<long> Numbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Number().Matches(text).Select(m => Parse(m.Value)).OfType<long>().Distinct().Take(MaxNumbers)];
    }

    /// <summary>Numbers followed, directly or after one word, by a word for people ("1,200 Massachusetts residents").</summary>
    public static IReadOnlyList<long> PeopleCounts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. CountOfPeople().Matches(text)
            .Where(m => PeopleWords.Contains(Normalise(m.Groups["first"].Value)) || PeopleWords.Contains(Normalise(m.Groups["second"].Value)))
            .Select(m => Parse(m.Groups["number"].Value)).OfType<long>().Distinct().Take(MaxNumbers)];
    }

    private static string Normalise(string word) => word.ToLowerInvariant();

    private static long? Parse(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return digits.Length is > 0 and <= 15 ? long.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d{1,3}(?:[,.\u00A0\u202F ]\d{3})+(?!\d)|\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<number>\d{1,3}(?:[,.\u00A0\u202F ]\d{3})+(?!\d)|\d+)\s*(?<first>[人名]|\p{L}+)(?:\s+(?<second>\p{L}+))?")]
    private static partial Regex CountOfPeople();
}
