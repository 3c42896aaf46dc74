using System.Text;

namespace NotifyHub.Intake.Imports.Parsing;

/// <summary>
/// Decodes a byte stream into a sliding window of characters that always keeps the current record from its
/// first character (so a record with a runaway quote can be re-read from its second line). Bytes invalid in the
/// declared encoding become <see cref="Invalid"/>, so the record holding them is rejected, not the file.
/// </summary>
internal sealed class CharBuffer
{
    /// <summary>U+FFFF is a noncharacter: no valid text contains it, so it marks undecodable bytes.</summary>
    public const char Invalid = '\uFFFF';

    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private readonly byte[] _bytes = new byte[64 * 1024];
    private char[] _chars = new char[128 * 1024];
    private bool _endOfStream;

    public CharBuffer(Stream stream, Encoding encoding)
    {
        _stream = stream;
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = new DecoderReplacementFallback(Invalid.ToString());
        _decoder = strict.GetDecoder();
    }

    /// <summary>Where the current record starts; characters before it may be discarded.</summary>
    public int Mark { get; set; }

    public int Position { get; set; }

    public int End { get; private set; }

    public char this[int index] => _chars[index];

    public ReadOnlySpan<char> Slice(int start, int length) => _chars.AsSpan(start, length);

    /// <summary>Makes <see cref="Position"/> readable; false at the end of the stream.</summary>
    public bool Ensure()
    {
        while (Position >= End)
        {
            if (_endOfStream)
            {
                return false;
            }

            Fill();
        }

        return true;
    }

    /// <summary>Characters held since <see cref="Mark"/>: the length of the record so far.</summary>
    public int Held => Position - Mark;

    private void Fill()
    {
        // Drop what precedes the mark, then grow only if the record itself fills the buffer.
        if (Mark > 0)
        {
            Array.Copy(_chars, Mark, _chars, 0, End - Mark);
            Position -= Mark;
            End -= Mark;
            Mark = 0;
        }

        if (_chars.Length - End < _bytes.Length + 16)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        var read = _stream.Read(_bytes, 0, _bytes.Length);
        _endOfStream = read == 0;
        End += _decoder.GetChars(_bytes, 0, read, _chars, End, flush: _endOfStream);
    }

    /// <summary>Gives back memory after an unusually long record.</summary>
    public void Shrink()
    {
        if (_chars.Length > 512 * 1024 && End - Mark < 64 * 1024)
        {
            var smaller = new char[128 * 1024];
            Array.Copy(_chars, Mark, smaller, 0, End - Mark);
            Position -= Mark;
            End -= Mark;
            Mark = 0;
            _chars = smaller;
        }
    }
}
