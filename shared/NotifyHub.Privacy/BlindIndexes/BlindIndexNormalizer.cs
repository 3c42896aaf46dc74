using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace NotifyHub.Privacy.BlindIndexes;

/// <summary>
/// Brings what an import file holds and what a caller types to one canonical form, so equal
/// values give equal indexes. Errors never echo the value: it is personal data.
/// </summary>
public static class BlindIndexNormalizer
{
    public static string Normalize(BlindIndexKind kind, string value) =>
        TryNormalize(kind, value, out var normalized)
            ? normalized
            : throw new FormatException($"The value is not a valid {kind}: {Rule(kind)}.");

    public static bool TryNormalize(BlindIndexKind kind, string? value, [NotNullWhen(true)] out string? normalized)
    {
        normalized = value is null ? null : kind switch
        {
            BlindIndexKind.Email => Email(value),
            BlindIndexKind.Phone => Phone(value),
            BlindIndexKind.ReferenceCode => ReferenceCode(value),
            BlindIndexKind.DateOfBirth => DateOfBirth(value),
            BlindIndexKind.Postcode => Postcode(value),
            BlindIndexKind.ExternalId => value.Trim() is { Length: > 0 } id ? id : null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown blind index kind."),
        };
        return normalized is not null;
    }

    public static string Rule(BlindIndexKind kind) => kind switch
    {
        BlindIndexKind.Email => "an address with an @ (compared trimmed and in lower case)",
        BlindIndexKind.Phone => "E.164, a + and 2 to 15 digits (spaces, dashes, dots and brackets are ignored)",
        BlindIndexKind.ReferenceCode => "letters and digits (case, hyphens and spaces are ignored; O reads as 0, I and L as 1)",
        BlindIndexKind.DateOfBirth => "a real date written YYYY-MM-DD",
        BlindIndexKind.Postcode => "letters and digits (case, spaces and hyphens are ignored)",
        BlindIndexKind.ExternalId => "any non-blank text (compared trimmed, case-sensitive)",
        _ => "unknown kind",
    };

    private static string? Email(string value)
    {
        var email = value.Trim().ToLowerInvariant();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 ? email : null;
    }

    private static string? Phone(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '-' or '.' or '(' or ')' or '\u00A0')
            {
                continue;
            }

            if (!(char.IsAsciiDigit(c) || (c == '+' && builder.Length == 0)))
            {
                return null;
            }

            builder.Append(c);
        }

        var digits = builder.Length - 1;
        return builder.Length > 0 && builder[0] == '+' && digits is >= 2 and <= 15 && builder[1] != '0'
            ? builder.ToString()
            : null;
    }

    private static string? ReferenceCode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToUpperInvariant())
        {
            switch (c)
            {
                case ' ' or '-':
                    continue;
                case 'O':
                    builder.Append('0');
                    break;
                case 'I' or 'L':
                    builder.Append('1');
                    break;
                case var _ when char.IsAsciiLetterOrDigit(c):
                    builder.Append(c);
                    break;
                default:
                    return null;
            }
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }

    private static string? DateOfBirth(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static string? Postcode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToUpperInvariant())
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }
}
