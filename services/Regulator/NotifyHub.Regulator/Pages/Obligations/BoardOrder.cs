using NotifyHub.Regulator.Obligations;

namespace NotifyHub.Regulator.Pages.Obligations;

/// <summary>
/// The board's order: what still has to be done, soonest deadline first (overdue ones are the soonest); then open
/// obligations with no date ("as soon as practicable"); then what is filed; then what is not required.
/// </summary>
internal static class BoardOrder
{
    public static IReadOnlyList<Obligation> Sort(IEnumerable<Obligation> obligations) =>
        [.. obligations.OrderBy(Group).ThenBy(o => o.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(o => o.Jurisdiction, StringComparer.Ordinal).ThenBy(o => o.Kind, StringComparer.Ordinal)];

    public static bool IsOpen(Obligation obligation) =>
        obligation.Status is ObligationStatuses.Due or ObligationStatuses.Overdue or ObligationStatuses.NeedsAssessment;

    private static int Group(Obligation o) => o.Status switch
    {
        _ when IsOpen(o) && o.DueAt is not null => 0,
        _ when IsOpen(o) => 1,
        ObligationStatuses.Filed => 2,
        _ => 3,
    };
}
