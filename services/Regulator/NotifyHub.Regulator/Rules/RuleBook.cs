using NotifyHub.Regulator.Calendars;

namespace NotifyHub.Regulator.Rules;

/// <summary>The loaded rule files, with each file's time zones and working-day calendar resolved once.</summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkingDayCalendar> _calendars = new(StringComparer.Ordinal);

    public RuleBook(IReadOnlyList<RuleFile> files)
    {
        Files = files;
        foreach (var file in files)
        {
            foreach (var zone in file.MemberStates?.Values.Select(m => m.TimeZone).Append(file.TimeZone) ?? [file.TimeZone])
            {
                if (zone.Length > 0 && !_zones.ContainsKey(zone))
                {
                    _zones[zone] = TimeZoneInfo.FindSystemTimeZoneById(zone);
                }
            }

            if (file.Calendar is { } calendar)
            {
                _calendars[file.FileName] = new WorkingDayCalendar(calendar);
            }
        }
    }

    public IReadOnlyList<RuleFile> Files { get; }

    public TimeZoneInfo Zone(string id) => _zones[id];

    public WorkingDayCalendar? Calendar(RuleFile file) => _calendars.GetValueOrDefault(file.FileName);

    public static RuleBook Load(string directory) => new(RuleFileLoader.LoadDirectory(directory));

    /// <summary>The rule files shipped beside the binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Rules");
}
