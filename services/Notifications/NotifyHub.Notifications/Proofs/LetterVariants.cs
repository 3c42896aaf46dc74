using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Proofs;

/// <summary>What a proof and its approval both start from: a letter template version and one of its own languages.</summary>
internal static class LetterVariants
{
    public static async Task<Template> FindLetterAsync(NotificationsDbContext db, Guid templateId, CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct)
            ?? throw ProblemException.NotFound("Template", templateId);
        return template.Channel == Channel.Letter
            ? template
            : throw ProblemException.RuleBroken("not_a_letter_template", "Only letters have proofs",
                $"Template '{template.Name}' is an {template.Channel.ToCode()} template; proofs are printed for letter templates.");
    }

    /// <summary>
    /// The variant written in <paramref name="language"/> (the default language when none is given). Unlike sending,
    /// no fall back to another language: an approval must name the text it approves.
    /// </summary>
    public static TemplateVariant Variant(Template template, string? language)
    {
        var wanted = string.IsNullOrWhiteSpace(language) ? template.DefaultLanguage : language.Trim();
        return template.Variants.FirstOrDefault(v => v.Language.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw ProblemException.Invalid("unknown_language",
                $"Template '{template.Name}' has no '{wanted}' variant; it has {string.Join(", ", template.Variants.Select(v => v.Language))}.",
                "language");
    }
}
