using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NotifyHub.Intake.Imports;

/// <summary>Reads an <see cref="ImportSpool"/> back as plaintext, one chunk in memory at a time, synchronously.</summary>
internal sealed class ImportSpoolReader(ImportSpool spool) : Stream
{
    private readonly FileStream _file = new(spool.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096);
    private readonly byte[] _prefix = new byte[4];
    private byte[] _sealed = [];
    private byte[] _plain = [];
    private long _chunk;
    private long _read;
    private int _offset;
    private bool _ended;

    /// <summary>Plaintext bytes handed to the parser so far: how far into the file the import is.</summary>
    public long Consumed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _plain.Length && !NextChunk())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _plain.Length - _offset);
        _plain.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        Consumed += n;
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }

        base.Dispose(disposing);
    }

    private bool NextChunk()
    {
        while (!_ended)
        {
            if (_file.ReadAtLeast(_prefix, 4, throwOnEndOfStream: false) < 4)
            {
                throw new InvalidDataException("The spooled file is truncated: its end record is missing.");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(_prefix);
            if (length <= 0 || length > 1024 * 1024)
            {
                throw new InvalidDataException("The spooled file is damaged.");
            }

            if (_sealed.Length < length)
            {
                _sealed = new byte[length];
            }

            if (_file.ReadAtLeast(_sealed.AsSpan(0, length), length, throwOnEndOfStream: false) < length)
            {
                throw new InvalidDataException("The spooled file is truncated.");
            }

            CryptographicOperations.ZeroMemory(_plain);
            var plain = spool.Unseal(_sealed.AsSpan(0, length), _chunk, out var total);
            if (plain is null)
            {
                _ended = true;
                if (total != _read)
                {
                    throw new InvalidDataException("The spooled file is truncated: chunks are missing.");
                }

                _plain = [];
                _offset = 0;
                return false;
            }

            _chunk++;
            _read += plain.Length;
            (_plain, _offset) = (plain, 0);
            if (plain.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
