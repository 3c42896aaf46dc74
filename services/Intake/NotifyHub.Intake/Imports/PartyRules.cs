using PhoneNumbers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// The import's rules (issue 5), in one place. A row is accepted with an external_id, a given or family name and
/// at least one usable channel (valid email, valid phone, or address_line1 with country). Invalid optional values
/// are dropped with a warning; anything else wrong rejects the row. Messages never contain the value.
/// </summary>
public static partial class PartyRules
{
    public const string DefaultLanguage = "en";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Either the normalised party or the rejection.</summary>
    public static (NormalizedParty? Party, RowIssue? Rejection) Apply(RawRow row, IReadOnlyList<string> incidentCategories, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Error is { } error)
        {
            return (null, error);
        }

        var line = row.Line;
        var values = new string?[ImportColumns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = row.Values[i]?.Trim() is { Length: > 0 } v ? v : null;
        }

        if (values[(int)ImportColumn.ExternalId] is null)
        {
            return (null, new RowIssue(line, ImportColumn.ExternalId.Name(), IssueCodes.MissingExternalId, "external_id is empty: every person needs one."));
        }

        if (values[(int)ImportColumn.GivenName] is null && values[(int)ImportColumn.FamilyName] is null)
        {
            return (null, new RowIssue(line, ImportColumn.GivenName.Name(), IssueCodes.MissingName, "given_name and family_name are both empty: give at least one."));
        }

        var warnings = new List<RowIssue>();
        void Drop(ImportColumn column, string code, string message)
        {
            values[(int)column] = null;
            warnings.Add(new RowIssue(line, column.Name(), code, message));
        }

        if (values[(int)ImportColumn.Country] is { } country)
        {
            if (NormalizeCountry(country) is { } iso)
            {
                values[(int)ImportColumn.Country] = iso;
            }
            else
            {
                Drop(ImportColumn.Country, IssueCodes.InvalidCountry, "country is not an ISO 3166-1 alpha-2 code such as FR or JP; dropped.");
            }
        }

        if (values[(int)ImportColumn.Email] is { } email)
        {
            if (NormalizeEmail(email) is { } normalized)
            {
                values[(int)ImportColumn.Email] = normalized;
            }
            else
            {
                Drop(ImportColumn.Email, IssueCodes.InvalidEmail, "email is not a valid address; dropped.");
            }
        }

        if (values[(int)ImportColumn.Phone] is { } phone)
        {
            if (NormalizePhone(phone, values[(int)ImportColumn.Country]) is { } e164)
            {
                values[(int)ImportColumn.Phone] = e164;
            }
            else
            {
                Drop(ImportColumn.Phone, IssueCodes.InvalidPhone, "phone is not a valid number (international, or national for the row's country); dropped.");
            }
        }

        var hasPostal = values[(int)ImportColumn.AddressLine1] is not null && values[(int)ImportColumn.Country] is not null;
        if (values[(int)ImportColumn.Email] is null && values[(int)ImportColumn.Phone] is null && !hasPostal)
        {
            return (null, new RowIssue(line, "", IssueCodes.NoUsableChannel,
                "No usable channel: give a valid email, a valid phone, or address_line1 with country."));
        }

        if (values[(int)ImportColumn.DateOfBirth] is { } dob && !IsPastDate(dob, today))
        {
            Drop(ImportColumn.DateOfBirth, IssueCodes.InvalidDateOfBirth, "date_of_birth is not a real past date written YYYY-MM-DD; dropped.");
        }

        var language = DefaultLanguage;
        if (values[(int)ImportColumn.Language] is { } tag)
        {
            if (NormalizeLanguage(tag) is { } normalized)
            {
                language = normalized;
            }
            else
            {
                warnings.Add(new RowIssue(line, ImportColumn.Language.Name(), IssueCodes.InvalidLanguage,
                    $"language is not a BCP 47 tag such as en, fr or ja; {DefaultLanguage} is used."));
            }
        }

        values[(int)ImportColumn.Language] = null;
        var categories = Categories(values[(int)ImportColumn.DataCategories], line, warnings) ?? incidentCategories;
        values[(int)ImportColumn.DataCategories] = null;
        return (new NormalizedParty { Line = line, Values = values, Language = language, DataCategories = categories, Warnings = warnings }, null);
    }

    /// <summary>Trimmed; the domain lower-cased and, when internationalised, in punycode (IDNA 2008 via ICU).</summary>
    public static string? NormalizeEmail(string value)
    {
        var email = value.Trim();
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || at > 64)
        {
            return null;
        }

        var local = email[..at];
        if (local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '@' or '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\')
            || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        string domain;
        try
        {
            domain = Idn.GetAscii(email[(at + 1)..].TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return domain.Length <= 253 && DomainShape().IsMatch(domain) ? $"{local}@{domain}" : null;
    }

    /// <summary>E.164 via libphonenumber; a national number is read in the row's country.</summary>
    public static string? NormalizePhone(string value, string? country)
    {
        try
        {
            var number = Phones.Parse(value, country ?? "ZZ");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? NormalizeCountry(string value)
    {
        var code = value.Trim().ToUpperInvariant();
        return code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) && Phones.GetCountryCodeForRegion(code) != 0
            ? code
            : null;
    }

    public static bool IsPastDate(string value, DateOnly today) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date < today && date.Year >= 1850;

    public static string? NormalizeLanguage(string value)
    {
        if (!LanguageShape().IsMatch(value))
        {
            return null;
        }

        var parts = value.Replace('_', '-').Split('-');
        var builder = new StringBuilder(parts[0].ToLowerInvariant());
        foreach (var part in parts.Skip(1))
        {
            builder.Append('-').Append(part.Length switch
            {
                2 => part.ToUpperInvariant(),
                4 => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant(),
                _ => part.ToLowerInvariant(),
            });
        }

        return builder.ToString();
    }

    private static List<string>? Categories(string? value, long line, List<RowIssue> warnings)
    {
        if (value is null)
        {
            return null;
        }

        var known = new List<string>();
        var unknown = 0;
        foreach (var part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var code = part.ToLowerInvariant();
            if (Contracts.DataCategories.IsKnown(code))
            {
                if (!known.Contains(code))
                {
                    known.Add(code);
                }
            }
            else
            {
                unknown++;
            }
        }

        if (unknown > 0)
        {
            warnings.Add(new RowIssue(line, ImportColumn.DataCategories.Name(), IssueCodes.UnknownDataCategory,
                $"{unknown} unknown data category code(s) ignored{(known.Count == 0 ? "; the incident's categories apply" : "")}."));
        }

        return known.Count > 0 ? known : null;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")]
    private static partial Regex DomainShape();

    [GeneratedRegex(@"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageShape();
}
