using System.Text;

namespace NotifyHub.Intake.Imports;

/// <summary>The encodings an import accepts (<c>?encoding=</c>); UTF-8, with or without a byte-order mark, by default.</summary>
public static class ImportEncodings
{
    static ImportEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<string> Names { get; } = ["utf-8", "shift_jis", "utf-16", "utf-16le", "utf-16be", "iso-8859-1"];

    /// <summary>The encoding for a name (case-insensitive, common aliases) and the file's first bytes (BOM).</summary>
    public static Encoding? Resolve(string? name, ReadOnlySpan<byte> head) =>
        (name?.Trim().ToLowerInvariant() ?? "utf-8") switch
        {
            "" or "utf-8" or "utf8" => new UTF8Encoding(false, false),
            // Shift_JIS as Windows writes it: CP932 (NEC and IBM extensions), which is what Japanese exports are.
            "shift_jis" or "shift-jis" or "sjis" or "cp932" or "windows-31j" or "ms932" => Encoding.GetEncoding(932),
            "utf-16" or "utf16" => head is [0xFE, 0xFF, ..] ? new UnicodeEncoding(true, false) : new UnicodeEncoding(false, false),
            "utf-16le" => new UnicodeEncoding(false, false),
            "utf-16be" => new UnicodeEncoding(true, false),
            "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" => Encoding.Latin1,
            _ => null,
        };
}
