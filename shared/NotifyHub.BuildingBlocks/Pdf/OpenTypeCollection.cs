using System.Buffers.Binary;
using System.Text;

namespace NotifyHub.BuildingBlocks.Pdf;

/// <summary>
/// Takes one face out of a TrueType/OpenType collection (.ttc) as a standalone font file, because PDFsharp's font
/// resolver wants one face's bytes. Debian ships Noto CJK only as collections. The face is found by its family
/// name (name id 1) so a package update that reorders faces does not switch Japanese text to Chinese glyph forms.
/// </summary>
public static class OpenTypeCollection
{
    public static byte[] ExtractFace(byte[] file, string family)
    {
        if (file.Length < 12 || Encoding.ASCII.GetString(file, 0, 4) != "ttcf")
        {
            return file;
        }

        var faces = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(8));
        for (var i = 0; i < faces; i++)
        {
            var offset = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(12 + (4 * i)));
            if (FamilyNames(file, offset).Contains(family, StringComparer.OrdinalIgnoreCase))
            {
                return CopyFace(file, offset);
            }
        }

        throw new InvalidOperationException($"The font collection has no face of the family '{family}'.");
    }

    private static byte[] CopyFace(byte[] file, int offset)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        var header = 12 + (16 * tables);
        var size = header + Enumerable.Range(0, tables).Sum(t => Padded(Length(file, offset, t)));
        var face = new byte[size];
        file.AsSpan(offset, header).CopyTo(face);
        var position = header;
        for (var t = 0; t < tables; t++)
        {
            var record = offset + 12 + (16 * t);
            var length = Length(file, offset, t);
            file.AsSpan(BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(record + 8)), length).CopyTo(face.AsSpan(position));
            BinaryPrimitives.WriteInt32BigEndian(face.AsSpan(12 + (16 * t) + 8), position);
            position += Padded(length);
        }

        return face;
    }

    private static IEnumerable<string> FamilyNames(byte[] file, int offset)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset + 4));
        for (var t = 0; t < tables; t++)
        {
            var record = offset + 12 + (16 * t);
            if (Encoding.ASCII.GetString(file, record, 4) != "name")
            {
                continue;
            }

            var name = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(record + 8));
            var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(name + 2));
            var strings = name + BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(name + 4));
            for (var n = 0; n < count; n++)
            {
                var entry = file.AsSpan(name + 6 + (12 * n));
                var platform = BinaryPrimitives.ReadUInt16BigEndian(entry);
                var nameId = BinaryPrimitives.ReadUInt16BigEndian(entry[6..]);
                if (nameId == 1 && platform == 3)
                {
                    var length = BinaryPrimitives.ReadUInt16BigEndian(entry[8..]);
                    var start = strings + BinaryPrimitives.ReadUInt16BigEndian(entry[10..]);
                    yield return Encoding.BigEndianUnicode.GetString(file, start, length);
                }
            }
        }
    }

    private static int Length(byte[] file, int offset, int table) =>
        BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset + 12 + (16 * table) + 12));

    private static int Padded(int length) => (length + 3) & ~3;
}
