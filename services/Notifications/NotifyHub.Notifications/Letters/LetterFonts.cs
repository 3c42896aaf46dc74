using PdfSharp.Fonts;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// PDFsharp's font resolver: two families of our own, read from the configured files. PDFsharp keeps ONE resolver
/// per process (a static), so the first configuration installed wins; every host in a process uses the same fonts.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Latin = "NotifyHub Latin";
    public const string Cjk = "NotifyHub CJK";

    private static readonly Lock Gate = new();
    private static LetterFonts? _installed;

    private readonly Lazy<byte[]> _latin;
    private readonly Lazy<byte[]> _cjk;

    private LetterFonts(LetterOptions options)
    {
        _latin = new(() => Read(options.LatinFontPath, null));
        _cjk = new(() => Read(options.CjkFontPath, options.CjkFontFamily));
    }

    /// <summary>Installs the resolver once per process.</summary>
    public static void Install(LetterOptions options)
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return;
            }

            _installed = new LetterFonts(options);
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    /// <summary>The family for a text: CJK when it holds any CJK character or is in Japanese, Chinese or Korean.</summary>
    public static string FamilyFor(string language, IEnumerable<string> texts)
    {
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
                $"The letter font {path} is missing: install it (Debian fonts-dejavu-core, fonts-noto-cjk) or set NotifyHub:Letters.", path);
        }

        var bytes = File.ReadAllBytes(path);
        return family is null ? bytes : OpenTypeCollection.ExtractFace(bytes, family);
    }
}
