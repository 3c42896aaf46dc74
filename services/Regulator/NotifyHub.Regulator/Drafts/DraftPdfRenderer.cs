using NotifyHub.BuildingBlocks.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NotifyHub.Regulator.Drafts;

/// <summary>
/// A draft as an A4 PDF the privacy officer can read through before filing: title, authority, deadline, rule, then
/// each required item with its value or a to-be-completed mark. Fonts come from the shared resolver (one per process).
/// </summary>
public sealed class DraftPdfRenderer
{
    private const double Top = 20, Left = 20, Right = 20, Bottom = 280, LineHeight = 5.4;

    private readonly PdfSharp.PageSize _pageSize;

    /// <summary>Installs the process's font resolver (if no other module did first) before any draft is rendered.</summary>
    public DraftPdfRenderer()
    {
        PdfFonts.Install();
        _pageSize = PdfSharp.PageSize.A4;
    }

    public byte[] Render(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var family = PdfFonts.FamilyFor(draft.Language, draft.Fields.Select(f => f.Name + f.Value).Append(draft.Authority));
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(family, 14, XFontStyleEx.Bold, options);
        var bold = new XFont(family, 10, XFontStyleEx.Bold, options);
        var text = new XFont(family, 10, XFontStyleEx.Regular, options);
        var (authority, deadline, rule) = DraftVocabulary.Header(draft.Language);

        var lines = new List<(string Text, XFont Font, double Before)>();
        using var measuring = XGraphics.CreateMeasureContext(new XSize(Mm(210), Mm(297)), XGraphicsUnit.Point, XPageDirection.Downwards);
        var width = Mm(210 - Left - Right);
        void Add(string value, XFont font, double before = 0)
        {
            var first = true;
            foreach (var line in TextWrapper.Wrap(value, s => measuring.MeasureString(s, font).Width, width))
            {
                lines.Add((line, font, first ? before : 0));
                first = false;
            }
        }

        Add(draft.Title, title);
        Add($"{authority}: {draft.Authority} ({draft.Jurisdiction})", text, 2);
        Add($"{deadline}: {draft.DueAtLocal ?? "—"}", text);
        Add($"{rule}: {draft.Rule}", text);
        foreach (var field in draft.Fields)
        {
            Add(field.Name, bold, 4);
            foreach (var paragraph in (field.Value ?? DraftVocabulary.ToComplete(draft.Language)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                Add(paragraph, text);
            }
        }

        using var document = new PdfDocument();
        document.Info.Title = draft.Title;
        XGraphics? g = null;
        var y = Bottom;
        try
        {
            foreach (var (line, font, before) in lines)
            {
                if (y + before + LineHeight > Bottom)
                {
                    g?.Dispose();
                    var page = document.AddPage();
                    page.Size = _pageSize;
                    g = XGraphics.FromPdfPage(page);
                    y = Top;
                }

                y += before;
                g!.DrawString(line, font, XBrushes.Black, Mm(Left), Mm(y), XStringFormats.TopLeft);
                y += font.Size > 12 ? LineHeight * 1.5 : LineHeight;
            }
        }
        finally
        {
            g?.Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static double Mm(double mm) => mm * 72 / 25.4;
}
