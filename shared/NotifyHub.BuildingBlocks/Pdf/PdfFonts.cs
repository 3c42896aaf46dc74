using PdfSharp.Fonts;

namespace NotifyHub.BuildingBlocks.Pdf;

/// <summary>
/// PDFsharp's font resolver, shared by every module that makes PDFs (letters, regulator drafts): two families of our
/// own, read from font files. PDFsharp keeps ONE resolver per process (a static), so the first configuration
/// installed wins; every module in a process uses the same fonts, which is why this lives here and not in a module.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Latin = "NotifyHub Latin";
    public const string Cjk = "NotifyHub CJK";

    /// <summary>Debian fonts-dejavu-core.</summary>
    public const string DefaultLatinPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Debian fonts-noto-cjk (a collection).</summary>
    public const string DefaultCjkPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    public const string DefaultCjkFamily = "Noto Sans CJK JP";

    private static readonly Lock Gate = new();
    private static PdfFonts? _installed;

    private readonly Lazy<byte[]> _latin;
    private readonly Lazy<byte[]> _cjk;

    private PdfFonts(string latinPath, string cjkPath, string cjkFamily)
    {
        _latin = new(() => Read(latinPath, null));
        _cjk = new(() => Read(cjkPath, cjkFamily));
    }

    /// <summary>Loads the licence choice and the resolver once per process.</summary>
    public static void Install(string latinPath = DefaultLatinPath, string cjkPath = DefaultCjkPath, string cjkFamily = DefaultCjkFamily)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return;
            }

            _installed = new PdfFonts(latinPath, cjkPath, cjkFamily);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    /// <summary>The family for a text: CJK when it holds any CJK character or is in Japanese, Chinese or Korean.</summary>
    public static string FamilyFor(string language, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(language);
        var primary = language.Split('-')[0].ToLowerInvariant();
        return primary is "ja" or "zh" or "ko" || texts.Any(t => t.Any(c => c >= '\u2E80'))
            ? Cjk
            : Latin;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName switch
        {
            Latin => new FontResolverInfo(Latin, bold, italic),
            Cjk => new FontResolverInfo(Cjk, bold, italic),
            _ => null,
        };

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Latin => _latin.Value,
        Cjk => _cjk.Value,
        _ => null,
    };

    private static byte[] Read(string path, string? family)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The PDF font {path} is missing: install it (Debian fonts-dejavu-core, fonts-noto-cjk) or set NotifyHub:Letters.", path);
        }

        var bytes = File.ReadAllBytes(path);
        return family is null ? bytes : OpenTypeCollection.ExtractFace(bytes, family);
    }
}
