using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Templates;
using System.Globalization;

namespace NotifyHub.Notifications.Proofs;

/// <summary>
/// The proof of one language of a letter template version: the letter exactly as the print run lays it out, for a
/// made-up person at a made-up address (<see cref="SampleRecipient"/>, <see cref="SampleAddress"/>), marked PROOF
/// on every page. It never reads a real person, so it holds nothing personal and needs no audit entry.
/// </summary>
public sealed record GetLetterProof(Guid TemplateId, string? Language, string? Country) : IQuery<LetterProof>;

public sealed record LetterProof(Guid TemplateId, int Version, string Language, byte[] Pdf)
{
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"proof-{TemplateId:N}-v{Version}-{Language}.pdf");
}

public sealed class GetLetterProofHandler(
    NotificationsDbContext db, LetterComposer composer, LetterPdfRenderer pdf)
    : IQueryHandler<GetLetterProof, LetterProof>
{
    public const string Watermark = "PROOF";

    public async ValueTask<LetterProof> Handle(GetLetterProof query, CancellationToken cancellationToken)
    {
        var template = await LetterVariants.FindLetterAsync(db, query.TemplateId, cancellationToken);
        var variant = LetterVariants.Variant(template, query.Language);
        if (!string.IsNullOrWhiteSpace(query.Country) && !SampleAddress.Knows(query.Country.Trim()))
        {
            throw ProblemException.Invalid("unknown_sample_country",
                $"There is no sample address for '{query.Country}'; try one of {string.Join(", ", SampleAddress.Countries)}.", "country");
        }

        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == template.IncidentId, cancellationToken);
        var sample = SampleRecipient.For(variant.Language, incident.DataCategories);
        var content = composer.Compose(template.Id, template, incident.Facts(), sample, SampleAddress.For(sample, query.Country));
        var mark = new ProofMark(Watermark, string.Create(CultureInfo.InvariantCulture,
            $"{Watermark} · {template.Name} · version {template.Version} · {variant.Language} · sample person, not for print"));
        var batch = pdf.Render(template.Id, [content], mark);
        return new LetterProof(template.Id, template.Version, variant.Language, batch.Pdf);
    }
}
