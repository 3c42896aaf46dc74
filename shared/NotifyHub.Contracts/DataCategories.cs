namespace NotifyHub.Contracts;

/// <summary>The closed list of data category codes (docs/architecture.md, "Codes"); they drive letters' advice and regulators' forms.</summary>
public static class DataCategories
{
    public static IReadOnlyList<string> All { get; } =
    [
        "name", "contact", "postal_address", "email", "phone", "date_of_birth", "government_id",
        "financial_account", "payment_card", "credentials", "health", "vehicle_id", "location",
        "device_id", "images", "other",
    ];

    public static bool IsKnown(string code) => All.Contains(code, StringComparer.Ordinal);
}
