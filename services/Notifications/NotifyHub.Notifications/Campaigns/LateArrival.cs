using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Campaigns;

/// <summary>A person whose projections arrived after a campaign's launch: every purpose they have, and those that arrived now.</summary>
public sealed record LateArrival(Guid PersonId, IReadOnlySet<Purpose> Has, IReadOnlyCollection<Purpose> Arrived);
