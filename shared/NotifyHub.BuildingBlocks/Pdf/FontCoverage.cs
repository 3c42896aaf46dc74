using System.Buffers.Binary;
using System.Text;

namespace NotifyHub.BuildingBlocks.Pdf;

/// <summary>
/// The characters a TrueType/OpenType font has a glyph for, read from its Unicode <c>cmap</c> subtables (format 4 for
/// the Basic Multilingual Plane, format 12 for the rest). PDFsharp draws a character the font lacks as an empty box
/// without a word of warning; this tells, before a letter is laid out, whether a font can print all of it.
/// </summary>
public sealed class FontCoverage
{
    private readonly ulong[] _bits = new ulong[0x110000 / 64];

    private FontCoverage()
    {
    }

    /// <summary>A font with no glyphs: covers nothing (a font file that is not installed).</summary>
    public static FontCoverage None { get; } = new();

    public static FontCoverage Of(byte[] font)
    {
        ArgumentNullException.ThrowIfNull(font);
        var coverage = new FontCoverage();
        var cmap = TableOffset(font, "cmap") ?? throw new InvalidDataException("The font has no cmap table.");
        var records = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var r = 0; r < records; r++)
        {
            var record = font.AsSpan(cmap + 4 + (8 * r));
            var (platform, encoding) = (BinaryPrimitives.ReadUInt16BigEndian(record), BinaryPrimitives.ReadUInt16BigEndian(record[2..]));
            // Unicode subtables only: platform 0 (Unicode), or Windows with encoding 1 (BMP) or 10 (full repertoire).
            if (platform == 0 || (platform == 3 && encoding is 1 or 10))
            {
                var subtable = cmap + BinaryPrimitives.ReadInt32BigEndian(record[4..]);
                switch (BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(subtable)))
                {
                    case 4:
                        coverage.AddFormat4(font, subtable);
                        break;
                    case 12:
                        coverage.AddFormat12(font, subtable);
                        break;
                    default:
                        break;
                }
            }
        }

        return coverage;
    }

    public bool Covers(Rune rune) => (_bits[rune.Value >> 6] & (1UL << (rune.Value & 63))) != 0;

    /// <summary>Whether every printable character of <paramref name="text"/> has a glyph (line breaks and tabs are never drawn).</summary>
    public bool CoversAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && !Covers(rune))
            {
                return false;
            }
        }

        return true;
    }

    private void Add(int codePoint)
    {
        if (codePoint is >= 0 and <= 0x10FFFF)
        {
            _bits[codePoint >> 6] |= 1UL << (codePoint & 63);
        }
    }

    /// <summary>Segments of 16-bit codes; a code whose glyph id works out to 0 (.notdef) has no glyph.</summary>
    private void AddFormat4(byte[] font, int table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table + 6)) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(ends + (2 * s)));
            int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(starts + (2 * s)));
            var delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(deltas + (2 * s)));
            var rangeOffsetAt = rangeOffsets + (2 * s);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rangeOffsetAt));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    // idRangeOffset counts bytes from its own position to the glyph index array entry for `start`.
                    var at = rangeOffsetAt + rangeOffset + (2 * (c - start));
                    glyph = at + 2 <= font.Length ? BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at)) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    Add(c);
                }
            }
        }
    }

    /// <summary>Groups of consecutive code points mapped to consecutive glyphs.</summary>
    private void AddFormat12(byte[] font, int table)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(table + 12));
        for (var g = 0; g < groups; g++)
        {
            var group = font.AsSpan(table + 16 + (12 * g));
            var (start, end) = (BinaryPrimitives.ReadUInt32BigEndian(group), BinaryPrimitives.ReadUInt32BigEndian(group[4..]));
            var firstGlyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
            {
                if (firstGlyph + (c - start) != 0)
                {
                    Add((int)c);
                }
            }
        }
    }

    private static int? TableOffset(byte[] font, string tag)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + (16 * t);
            if (Encoding.ASCII.GetString(font, record, 4) == tag)
            {
                return BinaryPrimitives.ReadInt32BigEndian(font.AsSpan(record + 8));
            }
        }

        return null;
    }
}
