using NotifyHub.Notifications.Letters.Addresses;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// A person as one purpose's projection shows them, decrypted in memory for one send: the template variables and
/// the address for the channel (email address, phone, or the postal address in its parts). Never stored, never logged.
/// </summary>
public sealed record RecipientDetails(Recipient Recipient, Sensitive<string>? Address, string? Country, PostalAddress? Postal);
