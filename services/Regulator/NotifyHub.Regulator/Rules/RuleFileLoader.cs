using NotifyHub.Contracts;
using NotifyHub.Regulator.Calendars;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NotifyHub.Regulator.Rules;

/// <summary>
/// Reads and checks the rule files (the schema is the <see cref="RuleFile"/> classes plus the checks below). A bad
/// file throws <see cref="RuleFileException"/>: the host must not start computing deadlines from a rule it misread.
/// </summary>
public static class RuleFileLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<RuleFile> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new RuleFileException(directory, "(directory)", "is missing: no rule files to load.");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(Load).ToList();
        var duplicate = files.GroupBy(f => f.Jurisdiction).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleFileException(duplicate.Last().FileName, "jurisdiction", $"'{duplicate.Key}' is already defined by {duplicate.First().FileName}.");
        }

        return files;
    }

    public static RuleFile Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    public static RuleFile Parse(string fileName, string yaml)
    {
        RuleFile? file;
        try
        {
            file = Yaml.Deserialize<RuleFile>(yaml);
        }
        catch (YamlException e)
        {
            // YamlDotNet names the unknown or mistyped key and its line; keep only the first line of its message.
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            var unknown = System.Text.RegularExpressions.Regex.Match(message, "Property '([^']+)' not found");
            var field = unknown.Success ? unknown.Groups[1].Value : KeyAt(yaml, e.Start.Line);
            throw new RuleFileException(fileName, field, $"cannot be read (line {e.Start.Line}): {message}");
        }

        if (file is null)
        {
            throw new RuleFileException(fileName, "(file)", "is empty.");
        }

        file.FileName = fileName;
        Check(file);
        return file;
    }

    private static void Check(RuleFile file)
    {
        var f = file.FileName;
        Required(f, "jurisdiction", file.Jurisdiction);
        Required(f, "name", file.Name);
        Required(f, "law", file.Law);
        if (file.MemberStates is null)
        {
            Required(f, "authority", file.Authority);
            CheckZone(f, "timeZone", file.TimeZone);
            Required(f, "language", file.Language);
            if (file.AppliesTo.Count == 0)
            {
                throw new RuleFileException(f, "appliesTo", "is missing: list the jurisdiction codes the file covers.");
            }
        }
        else
        {
            foreach (var (code, state) in file.MemberStates)
            {
                Required(f, $"memberStates.{code}.authority", state.Authority);
                CheckZone(f, $"memberStates.{code}.timeZone", state.TimeZone);
                Required(f, $"memberStates.{code}.language", state.Language);
            }
        }

        foreach (var category in file.OnlyForDataCategories.Where(c => !DataCategories.IsKnown(c)))
        {
            throw new RuleFileException(f, "onlyForDataCategories", $"has unknown data category '{category}'.");
        }

        if (file.InForceFrom is not null)
        {
            file.InForceDate = ParseDate(f, "inForceFrom", file.InForceFrom);
        }

        if (file.Calendar is { } calendar)
        {
            if (calendar.PublicHolidays is { } country && !WorkingDayCalendar.KnowsCountry(country))
            {
                throw new RuleFileException(f, "calendar.publicHolidays", $"'{country}' is not a country the PublicHoliday package knows; list the holidays under calendar.holidays instead.");
            }

            calendar.HolidayDates = [.. calendar.Holidays.Select(h => ParseDate(f, "calendar.holidays", h))];
        }

        if (file.Obligations.Count == 0)
        {
            throw new RuleFileException(f, "obligations", "is missing: a rule file lists at least one obligation.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Obligations.Count; i++)
        {
            var o = file.Obligations[i];
            var at = $"obligations[{i}]";
            Required(f, $"{at}.id", o.Id);
            if (!ids.Add(o.Id))
            {
                throw new RuleFileException(f, $"{at}.id", $"'{o.Id}' is used twice.");
            }

            Required(f, $"{at}.kind", o.Kind);
            if (!ObligationKinds.All.Contains(o.Kind))
            {
                throw new RuleFileException(f, $"{at}.kind", $"'{o.Kind}' is not one of: {string.Join(", ", ObligationKinds.All)}.");
            }

            Required(f, $"{at}.source", o.Source);
            CheckDeadline(f, $"{at}.deadline", o.Deadline, file);
            if (o.When is not null)
            {
                CheckCondition(f, $"{at}.when", o.When);
            }

            foreach (var code in o.NoticeMustNotState.Where(c => !Letters.NoticeCheck.Codes.Contains(c)))
            {
                throw new RuleFileException(f, $"{at}.noticeMustNotState", $"'{code}' is not one of: {string.Join(", ", Letters.NoticeCheck.Codes)}.");
            }

            for (var c = 0; c < o.Content.Count; c++)
            {
                Required(f, $"{at}.content[{c}].name", o.Content[c].Name);
                if (o.Content[c].Fill is { } fill && !Drafts.DraftFacts.IsKnown(fill))
                {
                    throw new RuleFileException(f, $"{at}.content[{c}].fill", $"'{fill}' is not a fact NotifyHub knows: {string.Join(", ", Drafts.DraftFacts.All)}.");
                }
            }
        }
    }

    private static void CheckDeadline(string f, string at, DeadlineRule deadline, RuleFile file)
    {
        Required(f, $"{at}.from", deadline.From);
        if (!Clocks.IsKnown(deadline.From))
        {
            throw new RuleFileException(f, $"{at}.from", $"'{deadline.From}' is not one of: {string.Join(", ", Clocks.Fixed)}, filed:<kind>.");
        }

        if (deadline.Within is null)
        {
            Required(f, $"{at}.text", deadline.Text);
            return;
        }

        if (deadline.Within < 0)
        {
            throw new RuleFileException(f, $"{at}.within", "must not be negative.");
        }

        Required(f, $"{at}.unit", deadline.Unit);
        if (!DeadlineUnits.All.Contains(deadline.Unit))
        {
            throw new RuleFileException(f, $"{at}.unit", $"'{deadline.Unit}' is not one of: {string.Join(", ", DeadlineUnits.All)}.");
        }

        if (deadline.Unit == DeadlineUnits.WorkingDays && file.Calendar is null)
        {
            throw new RuleFileException(f, $"{at}.unit", "is working-days but the file has no calendar (publicHolidays or holidays).");
        }

        if (deadline.Instead is { } instead)
        {
            CheckCondition(f, $"{at}.instead.when", instead.When);
        }
    }

    private static void CheckCondition(string f, string at, Condition condition)
    {
        if (condition.Harm is not null and not ("likely" or "unless-unlikely"))
        {
            throw new RuleFileException(f, $"{at}.harm", $"'{condition.Harm}' is not 'likely' or 'unless-unlikely'.");
        }

        foreach (var category in condition.DataCategories ?? [])
        {
            if (!DataCategories.IsKnown(category))
            {
                throw new RuleFileException(f, $"{at}.dataCategories", $"has unknown data category '{category}'.");
            }
        }

        foreach (var cause in condition.Causes ?? [])
        {
            if (!IncidentCauses.IsKnown(cause))
            {
                throw new RuleFileException(f, $"{at}.causes", $"has unknown cause '{cause}'.");
            }
        }

        CheckThreshold(f, $"{at}.affected", condition.Affected);
        CheckThreshold(f, $"{at}.affectedInOneState", condition.AffectedInOneState);
        for (var i = 0; i < (condition.AnyOf?.Count ?? 0); i++)
        {
            CheckCondition(f, $"{at}.anyOf[{i}]", condition.AnyOf![i]);
        }
    }

    private static void CheckThreshold(string f, string at, Threshold? threshold)
    {
        if (threshold is not null && threshold.AtLeast is null && threshold.MoreThan is null && threshold.FewerThan is null)
        {
            throw new RuleFileException(f, at, "needs atLeast, moreThan or fewerThan.");
        }
    }

    private static void CheckZone(string f, string field, string zone)
    {
        Required(f, field, zone);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new RuleFileException(f, field, $"'{zone}' is not an IANA time zone this machine knows.");
        }
    }

    private static DateOnly ParseDate(string f, string field, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RuleFileException(f, field, $"'{value}' is not a date (YYYY-MM-DD).");

    private static void Required(string f, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RuleFileException(f, field, "is missing.");
        }
    }

    private static string KeyAt(string yaml, long line)
    {
        var lines = yaml.Split('\n');
        var text = line >= 1 && line <= lines.Length ? lines[line - 1].Trim().TrimStart('-', ' ') : "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon] : "(unreadable)";
    }
}
