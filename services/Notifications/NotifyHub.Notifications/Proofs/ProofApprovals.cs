using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Templates;

namespace NotifyHub.Notifications.Proofs;

/// <summary>
/// The rule a launch checks: nothing is printed from a letter template version unless each of its languages has an
/// approved proof. A person in any language may get the letter, so every variant is checked, not just the default.
/// </summary>
public static class ProofApprovals
{
    public const string NotApprovedCode = "letter_proof_not_approved";

    /// <summary>The template's languages with no approved proof, in the template's order.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(NotificationsDbContext db, Template template, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(template);
        var approved = await db.ProofApprovals.AsNoTracking()
            .Where(a => a.TemplateId == template.Id && a.TemplateVersion == template.Version)
            .Select(a => a.Language).ToListAsync(ct);
        return [.. template.Variants.Select(v => v.Language).Where(l => !approved.Contains(l, StringComparer.OrdinalIgnoreCase))];
    }

    public static async Task RequireApprovedAsync(NotificationsDbContext db, Guid templateId, CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().FirstAsync(t => t.Id == templateId, ct);
        var missing = await MissingAsync(db, template, ct);
        if (missing.Count > 0)
        {
            throw new ProblemException(ProblemKind.RuleBroken, NotApprovedCode, "The letter's proof is not approved",
                $"Letter template '{template.Name}' version {template.Version} has no approved proof in {string.Join(", ", missing)}: " +
                $"download each proof (GET /api/v1/templates/{template.Id}/proof?language=…), check it and approve it " +
                $"(POST /api/v1/templates/{template.Id}/approvals); nothing was sent.")
            {
                Errors = new Dictionary<string, string[]> { ["languages"] = [.. missing] },
            };
        }
    }
}
