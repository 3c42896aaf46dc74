using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// A template ran past <see cref="NotificationsOptions.TemplateMaxSteps"/> or rendered more than
/// <see cref="NotificationsOptions.TemplateMaxOutputChars"/>: refused with 422 when it is created or previewed, and the
/// notification fails with <see cref="Code"/> when it is sent. A loop over a huge range would otherwise take a core,
/// or memory, per request and per recipient.
/// </summary>
public sealed class TemplateLimitException(string detail)
    : ProblemException(ProblemKind.RuleBroken, CodeValue, "The template does too much", detail)
{
    public const string CodeValue = "template_limit_exceeded";
}
