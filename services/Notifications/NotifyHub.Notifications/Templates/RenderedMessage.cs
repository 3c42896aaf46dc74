namespace NotifyHub.Notifications.Templates;

/// <summary>
/// A template rendered for one person. It holds personal data (a name, a reference code): never log it, and
/// keep it only as long as the send takes.
/// </summary>
public sealed record RenderedMessage(string Language, string? Subject, string Body, string? Text);
