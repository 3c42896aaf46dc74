using PdfSharp.Fonts;

namespace NotifyHub.BuildingBlocks.Pdf;

/// <summary>
/// PDFsharp's font resolver, shared by every module that makes PDFs (letters, regulator drafts): three families of our
/// own, read from font files. PDFsharp keeps ONE resolver per process (a static), so the first configuration
/// installed wins; every module in a process uses the same fonts, which is why this lives here and not in a module.
/// <para>
/// Japanese text takes a TrueType font when it has every character (<see cref="Japanese"/>), else the OpenType CJK
/// collection (<see cref="Cjk"/>). PDFsharp embeds only the glyphs a document uses of a TrueType font, but the whole
/// of a font with PostScript (CFF) outlines such as Noto Sans CJK: 13.7 MB compressed in every letter batch, and
/// about a third of the time to render it.
/// </para>
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Latin = "NotifyHub Latin";
    public const string Japanese = "NotifyHub Japanese";
    public const string Cjk = "NotifyHub CJK";

    /// <summary>Debian fonts-dejavu-core.</summary>
    public const string DefaultLatinPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Debian fonts-ipaexfont-gothic (IPAex Gothic: TrueType outlines, JIS X 0213 kanji).</summary>
    public const string DefaultJapanesePath = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

    /// <summary>Debian fonts-noto-cjk (a collection).</summary>
    public const string DefaultCjkPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    public const string DefaultCjkFamily = "Noto Sans CJK JP";

    private static readonly Lock Gate = new();
    private static PdfFonts? _installed;

    private readonly Lazy<byte[]> _latin;
    private readonly Lazy<byte[]?> _japanese;
    private readonly Lazy<FontCoverage> _japaneseCoverage;
    private readonly Lazy<byte[]> _cjk;

    private PdfFonts(string latinPath, string japanesePath, string cjkPath, string cjkFamily)
    {
        _latin = new(() => Read(latinPath, null));
        // Optional: without it every Japanese text takes the CJK collection, larger but complete.
        _japanese = new(() => File.Exists(japanesePath) ? File.ReadAllBytes(japanesePath) : null);
        _japaneseCoverage = new(() => _japanese.Value is { } font ? FontCoverage.Of(font) : FontCoverage.None);
        _cjk = new(() => Read(cjkPath, cjkFamily));
    }

    /// <summary>Whether Japanese text gets the subsettable TrueType font (false: its file is not installed).</summary>
    public static bool HasJapaneseTrueType => _installed?._japanese.Value is not null;

    /// <summary>Loads the licence choice and the resolver once per process.</summary>
    public static void Install(string latinPath = DefaultLatinPath, string cjkPath = DefaultCjkPath, string cjkFamily = DefaultCjkFamily,
        string japanesePath = DefaultJapanesePath)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return;
            }

            _installed = new PdfFonts(latinPath, japanesePath, cjkPath, cjkFamily);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    /// <summary>
    /// The family for a text: Latin unless it holds any CJK character or is in Japanese, Chinese or Korean; then the
    /// Japanese TrueType font when it has a glyph for every character of <paramref name="texts"/>, else the CJK collection.
    /// </summary>
    public static string FamilyFor(string language, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(language);
        var all = texts as IReadOnlyCollection<string> ?? [.. texts];
        var primary = language.Split('-')[0].ToLowerInvariant();
        if (primary is not ("ja" or "zh" or "ko") && !all.Any(t => t.Any(c => c >= '\u2E80')))
        {
            return Latin;
        }

        return _installed?._japaneseCoverage.Value is { } japanese && all.All(japanese.CoversAll) ? Japanese : Cjk;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName switch
        {
            Latin => new FontResolverInfo(Latin, bold, italic),
            Japanese => new FontResolverInfo(Japanese, bold, italic),
            Cjk => new FontResolverInfo(Cjk, bold, italic),
            _ => null,
        };

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Latin => _latin.Value,
        Japanese => _japanese.Value,
        Cjk => _cjk.Value,
        _ => null,
    };

    private static byte[] Read(string path, string? family)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The PDF font {path} is missing: install it (Debian fonts-dejavu-core, fonts-ipaexfont-gothic, fonts-noto-cjk) or set NotifyHub:Letters.", path);
        }

        var bytes = File.ReadAllBytes(path);
        return family is null ? bytes : OpenTypeCollection.ExtractFace(bytes, family);
    }
}
