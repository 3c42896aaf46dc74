namespace NotifyHub.Notifications.Templates;

/// <summary>The incident-level template variables (<c>incident.title</c>, <c>incident.summary</c>, <c>incident.discovered_at</c>).</summary>
public sealed record IncidentFacts(string Title, string Summary, DateTimeOffset DiscoveredAt);
