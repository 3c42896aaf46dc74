using NotifyHub.Regulator.Rules;
using PublicHoliday;

namespace NotifyHub.Regulator.Calendars;

/// <summary>
/// Working days of one jurisdiction: Monday to Friday, less the public holidays the PublicHoliday package computes for
/// the country (moveable feasts such as Carnival and Corpus Christi included) and any the rule file lists itself.
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly Dictionary<string, Func<PublicHolidayBase>> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Australia"] = () => new AustraliaPublicHoliday(),
        ["Brazil"] = () => new BrazilPublicHoliday(),
        ["Canada"] = () => new CanadaPublicHoliday(),
        ["France"] = () => new FrancePublicHoliday(),
        ["Germany"] = () => new GermanPublicHoliday(),
        ["Japan"] = () => new JapanPublicHoliday(),
        ["NewZealand"] = () => new NewZealandPublicHoliday(),
        ["USA"] = () => new USAPublicHoliday(),
    };

    private readonly PublicHolidayBase? _holidays;
    private readonly HashSet<DateOnly> _listed;

    public WorkingDayCalendar(CalendarSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _holidays = spec.PublicHolidays is { } country ? Countries[country]() : null;
        _listed = spec.HolidayDates;
    }

    public static bool KnowsCountry(string country) => Countries.ContainsKey(country);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_listed.Contains(day)
        && _holidays?.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue)) != true;

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (the day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var current = day;
        for (var counted = 0; counted < count;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }
}
