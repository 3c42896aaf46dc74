using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Templates;

/// <summary>The person-level template variables. Values stay <see cref="Sensitive{T}"/> until the renderer reveals them.</summary>
public sealed record Recipient(
    Sensitive<string> GivenName,
    Sensitive<string> FamilyName,
    Sensitive<string> ReferenceCode,
    string? Language,
    IReadOnlyList<string> DataCategories);
