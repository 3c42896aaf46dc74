using System.Text;

namespace NotifyHub.Privacy.Fields;

/// <summary>
/// The plaintext of a record ciphertext: a count, then for each field its UTF-8 name and value,
/// each prefixed by its length as a 7-bit varint. Much smaller and faster than JSON, and it is
/// never stored in clear anyway.
/// </summary>
internal static class RecordCodec
{
    public static int MeasureSize(IReadOnlyDictionary<string, Sensitive<string>> fields)
    {
        var size = VarintSize(fields.Count);
        foreach (var (name, value) in fields)
        {
            size += StringSize(name) + StringSize(value.Reveal());
        }

        return size;
    }

    public static void Write(IReadOnlyDictionary<string, Sensitive<string>> fields, Span<byte> destination)
    {
        var position = WriteVarint(destination, fields.Count);
        foreach (var (name, value) in fields)
        {
            position += WriteString(destination[position..], name);
            position += WriteString(destination[position..], value.Reveal());
        }
    }

    /// <exception cref="FormatException">Only if the plaintext was not written by <see cref="Write"/>.</exception>
    public static Dictionary<string, Sensitive<string>> Read(ReadOnlySpan<byte> source)
    {
        var count = ReadVarint(ref source);
        var fields = new Dictionary<string, Sensitive<string>>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(ref source);
            fields[name] = new Sensitive<string>(ReadString(ref source));
        }

        return source.IsEmpty ? fields : throw new FormatException("Trailing bytes after the last field.");
    }

    private static int StringSize(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        return VarintSize(length) + length;
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var prefix = WriteVarint(destination, length);
        return prefix + Encoding.UTF8.GetBytes(value, destination[prefix..]);
    }

    private static string ReadString(ref ReadOnlySpan<byte> source)
    {
        var length = ReadVarint(ref source);
        if (length > source.Length)
        {
            throw new FormatException("A field runs past the end of the record.");
        }

        var value = Encoding.UTF8.GetString(source[..length]);
        source = source[length..];
        return value;
    }

    private static int VarintSize(int value)
    {
        var size = 1;
        for (var v = (uint)value; v >= 0x80; v >>= 7)
        {
            size++;
        }

        return size;
    }

    private static int WriteVarint(Span<byte> destination, int value)
    {
        var v = (uint)value;
        var i = 0;
        for (; v >= 0x80; v >>= 7)
        {
            destination[i++] = (byte)(v | 0x80);
        }

        destination[i++] = (byte)v;
        return i;
    }

    private static int ReadVarint(ref ReadOnlySpan<byte> source)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (source.IsEmpty)
            {
                throw new FormatException("The record ends inside a length.");
            }

            var b = source[0];
            source = source[1..];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= int.MaxValue ? (int)value : throw new FormatException("A length is too large.");
            }
        }

        throw new FormatException("A length is too long.");
    }
}
