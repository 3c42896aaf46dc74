using Fluid;
using System.Text.Encodings.Web;

namespace NotifyHub.Notifications.Templates;

/// <summary>Stands in for a template that is known before rendering to run past the limits: rendering it refuses.</summary>
internal sealed class OverLimitTemplate(string message) : IFluidTemplate
{
    public ValueTask RenderAsync(TextWriter writer, TextEncoder encoder, TemplateContext context) =>
        throw new TemplateLimitException(message);
}
