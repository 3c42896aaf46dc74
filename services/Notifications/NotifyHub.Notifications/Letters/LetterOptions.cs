using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Notifications.Letters;

/// <summary>Bound from <c>NotifyHub:Letters</c>.</summary>
public sealed class LetterOptions
{
    public const string Section = "NotifyHub:Letters";

    /// <summary>Letters per PDF handed to the print house.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// The ISO 3166-1 alpha-2 country the print house posts from: letters to it get no country line. Unset: every
    /// letter ends with its destination country (see <see cref="Addresses.AddressBlock"/>).
    /// </summary>
    [RegularExpression("^([A-Za-z]{2})?$")]
    public string PostedFrom { get; set; } = "";

    /// <summary>A TrueType/OpenType font for Latin-script letters (Debian fonts-dejavu-core).</summary>
    public string LatinFontPath { get; set; } = NotifyHub.BuildingBlocks.Pdf.PdfFonts.DefaultLatinPath;

    /// <summary>
    /// A TrueType font with Japanese glyphs (Debian fonts-ipaexfont-gothic), used for Japanese text it has every
    /// character of: embedded as the subset of glyphs a batch uses. Missing: Japanese text takes <see cref="CjkFontPath"/>.
    /// </summary>
    public string JapaneseFontPath { get; set; } = NotifyHub.BuildingBlocks.Pdf.PdfFonts.DefaultJapanesePath;

    /// <summary>
    /// A font or collection (.ttc) with CJK glyphs (Debian fonts-noto-cjk), for the texts <see cref="JapaneseFontPath"/>
    /// lacks a character of. Its PostScript outlines are embedded whole: about 14 MB in each batch that uses it.
    /// </summary>
    public string CjkFontPath { get; set; } = NotifyHub.BuildingBlocks.Pdf.PdfFonts.DefaultCjkPath;

    /// <summary>The face to take from a .ttc collection.</summary>
    public string CjkFontFamily { get; set; } = NotifyHub.BuildingBlocks.Pdf.PdfFonts.DefaultCjkFamily;

    /// <summary>
    /// The mail house whose vendor key encrypts batch files. Unset: the notifications service's own holder key
    /// (a local run has no mail house; the files are still never readable at rest).
    /// </summary>
    public Guid? MailHouseVendorId { get; set; }

    /// <summary>The sender's one-line return address printed above the recipient in the envelope window.</summary>
    [MaxLength(120)]
    public string ReturnAddress { get; set; } = "";
}
