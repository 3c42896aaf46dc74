namespace NotifyHub.Notifications.Templates;

/// <summary>
/// A template's text in one language, as Liquid. Email: <see cref="Subject"/> and an HTML <see cref="Body"/>, with
/// an optional plain <see cref="Text"/> part (derived from the HTML when absent). SMS and letters: <see cref="Body"/>.
/// </summary>
public sealed class TemplateVariant
{
    public required string Language { get; init; }

    public string? Subject { get; init; }

    public required string Body { get; init; }

    public string? Text { get; init; }
}
