namespace NotifyHub.Notifications.Pages.Templates;

/// <summary>One language of the template form. A slot left without a body is not part of the template.</summary>
public sealed class VariantForm
{
    public string? Language { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Body) && string.IsNullOrWhiteSpace(Subject);
}
