namespace NotifyHub.Contracts;

/// <summary>The closed list of incident causes (docs/architecture.md, "Codes").</summary>
public static class IncidentCauses
{
    public static IReadOnlyList<string> All { get; } =
        ["malicious_attack", "insider", "vendor", "misconfiguration", "human_error", "lost_device", "other"];

    public static bool IsKnown(string code) => All.Contains(code, StringComparer.Ordinal);
}
