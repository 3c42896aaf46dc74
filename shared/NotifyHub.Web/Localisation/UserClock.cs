using Microsoft.AspNetCore.Http;
using System.Globalization;

namespace NotifyHub.Web.Localisation;

/// <summary>
/// Dates and numbers as the reader expects them: in the request's culture and in the time zone they chose on the
/// preferences page (a cookie; UTC until they choose). Forms post local times back through <see cref="ToUtc"/>.
/// </summary>
public sealed class UserClock(IHttpContextAccessor http)
{
    public const string TimeZoneCookie = "NotifyHub.TimeZone";

    /// <summary>The time zones offered; IANA ids, which .NET resolves on Linux and Windows alike.</summary>
    public static IReadOnlyList<string> Offered { get; } =
    [
        "UTC", "Europe/London", "Europe/Paris", "America/New_York", "America/Los_Angeles", "Asia/Tokyo",
        "Australia/Sydney",
    ];

    public TimeZoneInfo TimeZone { get; } = Resolve(http.HttpContext?.Request.Cookies[TimeZoneCookie]);

    public static TimeZoneInfo Resolve(string? id) =>
        id is not null && Offered.Contains(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    /// <summary>Date and time, e.g. "1 Dec 2026 18:30" / "2026/12/01 18:30", with the zone's abbreviation-free id.</summary>
    public string DateTime(DateTimeOffset at) => Local(at).ToString("g", CultureInfo.CurrentCulture);

    public string DateTime(DateTimeOffset? at) => at is { } value ? DateTime(value) : "";

    public string Date(DateTimeOffset at) => Local(at).ToString("d", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The value for an <c>&lt;input type="datetime-local"&gt;</c>, in the reader's zone.</summary>
    public string InputValue(DateTimeOffset at) => Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time typed in the reader's zone, as an instant.</summary>
    public DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, TimeZone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
