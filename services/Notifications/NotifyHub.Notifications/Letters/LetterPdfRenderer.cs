using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Pdf;
using NotifyHub.Notifications.Letters.Addresses;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// Lays out letters on A4 for a window envelope (DIN 5008 form B / C5 window: 20 mm from the left, 45 mm from the
/// top, 85 × 45 mm; the return address sits in the window's top zone, the recipient below it), a QR code of the
/// person's portal link to the right of the window, then the text, continuing on as many pages as it needs.
/// </summary>
public sealed partial class LetterPdfRenderer
{
    private const double BodyTop = 105, ContinuationTop = 25, BottomLimit = 270, Left = 25, Right = 20, LineHeight = 5.2;
    private static readonly double PageWidth = Mm(210);

    private readonly LetterOptions _options;

    // Bytes per letter of the last batch: the next batch's buffer starts that large, so a PDF of several megabytes is
    // not copied each time the buffer doubles (large-object garbage that also triggers full collections).
    private long _bytesPerLetter = 16 * 1024;

    public LetterPdfRenderer(IOptions<LetterOptions> options, ILogger<LetterPdfRenderer>? logger = null)
    {
        _options = options.Value;
        PdfFonts.Install(_options.LatinFontPath, _options.CjkFontPath, _options.CjkFontFamily, _options.JapaneseFontPath);
        if (logger is not null && !PdfFonts.HasJapaneseTrueType)
        {
            // Letters still print, each Japanese batch about 14 MB larger and slower to render.
            LogNoJapaneseTrueType(logger, _options.JapaneseFontPath);
        }
    }

    /// <param name="proof">Set for a proof: its mark is printed across and atop every page.</param>
    public LetterBatch Render(Guid batchId, IReadOnlyList<LetterContent> letters, ProofMark? proof = null)
    {
        using var document = new PdfDocument();
        document.Info.Title = proof is null ? $"Letter batch {batchId}" : proof.Caption;
        var manifest = new List<ManifestRow>(letters.Count);
        foreach (var letter in letters)
        {
            var first = document.PageCount + 1;
            RenderLetter(document, letter, proof);
            manifest.Add(new ManifestRow(letter.LetterId, first, document.PageCount, letter.Country));
        }

        using var stream = new MemoryStream((int)Math.Min(Array.MaxLength, Interlocked.Read(ref _bytesPerLetter) * 11 / 10 * Math.Max(1, letters.Count)));
        document.Save(stream, closeStream: false);
        Interlocked.Exchange(ref _bytesPerLetter, Math.Max(1, stream.Length / Math.Max(1, letters.Count)));
        return new LetterBatch(batchId, stream.ToArray(), manifest);
    }

    /// <summary>
    /// Null when the letter's address block fits the envelope window at the letter's own font, else the reason to
    /// refuse it before print (<see cref="AddressWindow.DoesNotFit"/>). Measured exactly as <see cref="Render"/> draws it.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "It measures with the fonts this instance's constructor installs; a static call could come before them.")]
    public string? AddressProblem(LetterContent letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var address = AddressOf(letter);
        var text = new XFont(FamilyOf(letter, address), AddressWindow.FontSize, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        using var measuring = XGraphics.CreateMeasureContext(new XSize(PageWidth, Mm(297)), XGraphicsUnit.Point, XPageDirection.Downwards);
        return AddressWindow.Fits(address, s => measuring.MeasureString(s, text).Width) ? null : AddressWindow.DoesNotFit;
    }

    private static List<string> AddressOf(LetterContent letter) =>
        [.. letter.AddressLines.Select(l => l.Reveal()).Where(l => !string.IsNullOrWhiteSpace(l))];

    private static string FamilyOf(LetterContent letter, List<string> address) =>
        PdfFonts.FamilyFor(letter.Language, address.Append(letter.Body).Append(letter.Heading ?? ""));

    private void RenderLetter(PdfDocument document, LetterContent letter, ProofMark? proof)
    {
        var address = AddressOf(letter);
        var family = FamilyOf(letter, address);
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var text = new XFont(family, AddressWindow.FontSize, XFontStyleEx.Regular, options);
        var small = new XFont(family, 7, XFontStyleEx.Regular, options);
        var heading = new XFont(family, 12, XFontStyleEx.Bold, options);

        // Lay out first, so each page knows how many the letter has.
        var width = PageWidth - Mm(Left) - Mm(Right);
        using var measuring = XGraphics.CreateMeasureContext(new XSize(PageWidth, Mm(297)), XGraphicsUnit.Point, XPageDirection.Downwards);
        if (!AddressWindow.Fits(address, s => measuring.MeasureString(s, text).Width))
        {
            // Callers check AddressProblem first and fail the one letter; a cut address must never reach paper.
            throw new InvalidOperationException($"Letter {letter.LetterId}: the address block does not fit the envelope window.");
        }

        var lines = new List<(string Text, XFont Font)>();
        if (!string.IsNullOrWhiteSpace(letter.Heading))
        {
            lines.AddRange(TextWrapper.Wrap(letter.Heading, s => measuring.MeasureString(s, heading).Width, width).Select(l => (l, heading)));
            lines.Add(("", text));
        }

        foreach (var paragraph in letter.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lines.AddRange(TextWrapper.Wrap(paragraph, s => measuring.MeasureString(s, text).Width, width).Select(l => (l, text)));
        }

        var firstCapacity = (int)((BottomLimit - BodyTop) / LineHeight);
        var laterCapacity = (int)((BottomLimit - ContinuationTop) / LineHeight);
        var pages = 1 + (int)Math.Ceiling(Math.Max(0, lines.Count - firstCapacity) / (double)laterCapacity);

        var next = 0;
        for (var pageNumber = 1; pageNumber <= pages; pageNumber++)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            var y = ContinuationTop;
            if (pageNumber == 1)
            {
                DrawWindow(g, address, small, text);
                DrawQrCode(g, letter, small);
                y = BodyTop;
            }

            var capacity = pageNumber == 1 ? firstCapacity : laterCapacity;
            for (var i = 0; i < capacity && next < lines.Count; i++, next++)
            {
                g.DrawString(lines[next].Text, lines[next].Font, XBrushes.Black, Mm(Left), Mm(y), XStringFormats.TopLeft);
                y += LineHeight;
            }

            g.DrawString($"{pageNumber} / {pages}", small, XBrushes.Gray, Mm(210 - Right), Mm(285), XStringFormats.TopRight);
            if (proof is not null)
            {
                DrawProofMark(g, proof, small, family);
            }
        }
    }

    private void DrawWindow(XGraphics g, List<string> address, XFont small, XFont text)
    {
        // Window: x 20–105 mm, y 45–90 mm. Top 17.7 mm: return address; below: the address block, checked to fit.
        if (!string.IsNullOrWhiteSpace(_options.ReturnAddress))
        {
            g.DrawString(_options.ReturnAddress, small, XBrushes.Gray, Mm(25), Mm(58), XStringFormats.TopLeft);
        }

        var y = AddressWindow.TopMm;
        foreach (var line in address)
        {
            g.DrawString(line, text, XBrushes.Black, Mm(AddressWindow.LeftMm), Mm(y), XStringFormats.TopLeft);
            y += AddressWindow.LineStepMm;
        }
    }

    /// <summary>The caption atop the page and the word across it, pale enough to read the letter through.</summary>
    private static void DrawProofMark(XGraphics g, ProofMark proof, XFont small, string family)
    {
        g.DrawString(proof.Caption, small, XBrushes.DarkRed, Mm(Left), Mm(10), XStringFormats.TopLeft);
        var state = g.Save();
        g.RotateAtTransform(-40, new XPoint(PageWidth / 2, Mm(148)));
        var big = new XFont(family, 110, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        g.DrawString(proof.Watermark, big, new XSolidBrush(XColor.FromArgb(48, 200, 0, 0)), PageWidth / 2, Mm(148), XStringFormats.Center);
        g.Restore(state);
    }

    private static void DrawQrCode(XGraphics g, LetterContent letter, XFont small)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(letter.PortalUrl.ToString(), QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = Mm(32);
        var module = size / matrix.Count;
        double x0 = Mm(160), y0 = Mm(45);
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix.Count; col++)
            {
                // Horizontal runs as one rectangle: fewer drawing operators, no hairline gaps between modules.
                var start = col;
                while (col < matrix.Count && matrix[row][col])
                {
                    col++;
                }

                if (col > start)
                {
                    g.DrawRectangle(XBrushes.Black, x0 + (start * module), y0 + (row * module), (col - start) * module, module);
                }
            }
        }

        g.DrawString(letter.ReferenceCode.Reveal(), small, XBrushes.Black, x0 + (size / 2), y0 + size + Mm(1), XStringFormats.TopCenter);
    }

    private static double Mm(double mm) => mm * 72 / 25.4;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Japanese TrueType font {Path} is missing: Japanese letters embed the whole CJK " +
        "collection instead. Install Debian fonts-ipaexfont-gothic or set NotifyHub:Letters:JapaneseFontPath.")]
    private static partial void LogNoJapaneseTrueType(ILogger logger, string path);
}
