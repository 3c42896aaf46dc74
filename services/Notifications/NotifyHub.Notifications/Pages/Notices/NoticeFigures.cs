using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tallies;

namespace NotifyHub.Notifications.Pages.Notices;

/// <summary>
/// An incident's figures for its dashboard: the people this module knows, notices by channel and status, and notices
/// sent per hour over the last day, all from the tallies the database keeps (<see cref="NoticeTallies"/>). Counts
/// only. Read fresh by the notices page, and through <see cref="NotifyHub.Web.Live.LiveFigures"/> by the fragment
/// the dashboard refreshes.
/// </summary>
public sealed record NoticeFigures(
    int People,
    IReadOnlyList<NoticeFigures.StatusCount> Counts,
    IReadOnlyList<(DateTimeOffset Hour, IReadOnlyDictionary<Channel, long> Sent)> SentByHour)
{
    public static async Task<NoticeFigures> ReadAsync(NoticeTallies tallies, NoticesSentByHour sentByHour, Guid incidentId, CancellationToken ct)
    {
        var people = (int)await tallies.PeopleAsync(incidentId, ct);
        var counts = (await tallies.CountsAsync(incidentId, ct))
            .Select(c => new StatusCount(WireCode<Channel>.Parse(c.Channel), WireCode<DeliveryStatus>.Parse(c.Status), (int)c.Count)).ToList();
        return new NoticeFigures(people, counts, await sentByHour.ReadAsync(incidentId, ct));
    }

    /// <summary>Sending counts as queued: nobody but the worker that holds it can tell them apart.</summary>
    public long Count(Channel channel, DeliveryStatus status) => Counts
        .Where(c => c.Channel == channel && (c.Status == status || (status == DeliveryStatus.Queued && c.Status == DeliveryStatus.Sending)))
        .Sum(c => (long)c.Count);

    public sealed record StatusCount(Channel Channel, DeliveryStatus Status, int Count);
}
