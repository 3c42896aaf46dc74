using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// A person as one purpose's projection shows them, decrypted in memory for one send: the template variables and
/// the address for the channel (email address, phone, or postal lines). Never stored, never logged.
/// </summary>
public sealed record RecipientDetails(Recipient Recipient, Sensitive<string>? Address, string? Country, IReadOnlyList<Sensitive<string>> PostalLines);
