using NotifyHub.BuildingBlocks.Hosting;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// The uploaded file, kept on disk while it is imported in the background so memory stays flat whatever its size.
/// It is personal data, so it is written AES-GCM encrypted in 64 KB chunks under a key that exists only in this
/// object's memory: a crash or a copied disk leaves only noise, and disposing deletes the file.
/// </summary>
internal sealed class ImportSpool : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    private ImportSpool(string path) => Path = path;

    public string Path { get; }

    /// <summary>Plaintext length in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>The first bytes, to recognise a byte-order mark.</summary>
    public byte[] Head { get; private set; } = [];

    /// <returns>The spool, or null (nothing left on disk) when the body is longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<ImportSpool?> WriteAsync(Stream body, string directory, long maxBytes, CancellationToken ct)
    {
        PrivateDataDirectory.CreateFolder(directory);
        var spool = new ImportSpool(System.IO.Path.Combine(directory, $"{Guid.NewGuid():N}.spool"));
        try
        {
            await using var file = new FileStream(spool.Path,
                PrivateDataDirectory.NewFile(FileMode.CreateNew, FileOptions.Asynchronous));

            using var aes = new AesGcm(spool._key, TagSize);
            var plain = new byte[ChunkSize];
            var sealedChunk = new byte[4 + TagSize + ChunkSize];
            var nonce = new byte[12];
            for (long chunk = 0; ; chunk++)
            {
                var length = await body.ReadAtLeastAsync(plain, ChunkSize, throwOnEndOfStream: false, ct);
                if (length == 0)
                {
                    break;
                }

                if (chunk == 0)
                {
                    spool.Head = plain[..Math.Min(length, 4)];
                }

                BinaryPrimitives.WriteInt64LittleEndian(nonce, chunk);
                BinaryPrimitives.WriteInt32LittleEndian(sealedChunk, length);
                aes.Encrypt(nonce, plain.AsSpan(0, length), sealedChunk.AsSpan(4 + TagSize, length), sealedChunk.AsSpan(4, TagSize));
                await file.WriteAsync(sealedChunk.AsMemory(0, 4 + TagSize + length), ct);
                spool.Length += length;
                if (spool.Length > maxBytes)
                {
                    CryptographicOperations.ZeroMemory(plain);
                    await file.DisposeAsync();
                    spool.Dispose();
                    return null;
                }
            }

            CryptographicOperations.ZeroMemory(plain);
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    public Stream OpenRead() => new Reader(this);

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        File.Delete(Path);
    }

    private sealed class Reader(ImportSpool spool) : Stream
    {
        private readonly FileStream _file = new(spool.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096);
        private readonly AesGcm _aes = new(spool._key, TagSize);
        private readonly byte[] _sealed = new byte[4 + TagSize + ChunkSize];
        private readonly byte[] _plain = new byte[ChunkSize];
        private readonly byte[] _nonce = new byte[12];
        private long _chunk;
        private int _offset;
        private int _length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => spool.Length;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset == _length && !NextChunk())
            {
                return 0;
            }

            var n = Math.Min(buffer.Length, _length - _offset);
            _plain.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
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
                _aes.Dispose();
                CryptographicOperations.ZeroMemory(_plain);
            }

            base.Dispose(disposing);
        }

        private bool NextChunk()
        {
            if (_file.ReadAtLeast(_sealed.AsSpan(0, 4), 4, throwOnEndOfStream: false) < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(_sealed);
            _file.ReadExactly(_sealed.AsSpan(4, TagSize + length));
            BinaryPrimitives.WriteInt64LittleEndian(_nonce, _chunk++);
            _aes.Decrypt(_nonce, _sealed.AsSpan(4 + TagSize, length), _sealed.AsSpan(4, TagSize), _plain.AsSpan(0, length));
            (_offset, _length) = (0, length);
            return true;
        }
    }
}
