using NotifyHub.BuildingBlocks.Hosting;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// The uploaded file, kept on disk while it is imported in the background so memory stays flat whatever its size.
/// It is personal data, so it is written in 64 KB chunks, each an AES-GCM ciphertext (the privacy library's envelope)
/// under the import's own <see cref="KeyKind.ImportSpool"/> key. That key rests only wrapped by the root key, so an
/// import interrupted by a crash can be resumed after a restart, and it is destroyed with the file when the import
/// ends (<see cref="ImportSpools"/>): a copied disk then holds only noise.
/// </summary>
/// <remarks>
/// File layout: records of <c>[int32 length][ciphertext]</c>. Chunk <c>i</c> is sealed for the import's id under the
/// name <c>chunk i</c>, so chunks cannot be reordered or swapped with another import's; a last record named
/// <c>end</c> holds the plaintext length, so a truncated file is refused instead of imported in part.
/// </remarks>
internal sealed class ImportSpool
{
    private const int ChunkSize = 64 * 1024;
    private const string EndName = "end";
    private readonly DataKey _key;

    private ImportSpool(string path, Guid importId, DataKey key) => (Path, ImportId, _key) = (path, importId, key);

    public string Path { get; }

    public Guid ImportId { get; }

    /// <summary>Plaintext length in bytes: exact for a spool just written, estimated from the file's size when reopened.</summary>
    public long Length { get; private set; }

    /// <summary>The first bytes, to recognise a byte-order mark.</summary>
    public byte[] Head { get; private set; } = [];

    public static string PathOf(string directory, Guid importId) => System.IO.Path.Combine(directory, $"{importId:N}.spool");

    /// <returns>The spool, or null (nothing left on disk) when the body is longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<ImportSpool?> WriteAsync(Stream body, string directory, Guid importId, DataKey key, long maxBytes,
        CancellationToken ct)
    {
        PrivateDataDirectory.CreateFolder(directory);
        var spool = new ImportSpool(PathOf(directory, importId), importId, key);
        var plain = new byte[ChunkSize];
        try
        {
            await using (var file = new FileStream(spool.Path, PrivateDataDirectory.NewFile(FileMode.CreateNew, FileOptions.Asynchronous)))
            {
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

                    await spool.AppendAsync(file, ChunkName(chunk), plain.AsMemory(0, length), ct);
                    spool.Length += length;
                    if (spool.Length > maxBytes)
                    {
                        await file.DisposeAsync();
                        spool.Delete();
                        return null;
                    }
                }

                BinaryPrimitives.WriteInt64LittleEndian(plain, spool.Length);
                await spool.AppendAsync(file, EndName, plain.AsMemory(0, 8), ct);
                // On disk before the import is recorded: a crash after that point must find the whole file to resume.
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            return spool;
        }
        catch
        {
            spool.Delete();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>A spool written before a restart, opened to resume its import.</summary>
    /// <exception cref="FileNotFoundException">The file is gone.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, altered, or not this import's.</exception>
    public static ImportSpool Open(string directory, Guid importId, DataKey key)
    {
        var spool = new ImportSpool(PathOf(directory, importId), importId, key);
        if (!File.Exists(spool.Path))
        {
            throw new FileNotFoundException("The spooled file is gone.");
        }

        // Each 64 KB chunk costs a length prefix and the envelope's overhead; the end record one more of each.
        var size = new FileInfo(spool.Path).Length;
        const int perChunk = 4 + 50;
        spool.Length = Math.Max(0, size - ((size / (ChunkSize + perChunk)) + 2) * perChunk);
        using var reader = new ImportSpoolReader(spool);
        var head = new byte[4];
        spool.Head = head[..reader.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        return spool;
    }

    public ImportSpoolReader OpenRead() => new(this);

    /// <summary>Removes the file; the key is destroyed by <see cref="ImportSpools"/>, which owns the key store.</summary>
    public void Delete() => File.Delete(Path);

    private async Task AppendAsync(FileStream file, string name, ReadOnlyMemory<byte> plaintext, CancellationToken ct)
    {
        var sealedBytes = FieldCipher.Encrypt(_key, ImportId, name, plaintext.Span).Bytes;
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, sealedBytes.Length);
        await file.WriteAsync(prefix, ct);
        await file.WriteAsync(sealedBytes, ct);
    }

    /// <summary>Decrypts chunk <paramref name="chunk"/> (zero it when done), or recognises the end record (null).</summary>
    /// <exception cref="InvalidDataException">Neither: the file was altered, reordered or is another import's.</exception>
    internal byte[]? Unseal(ReadOnlySpan<byte> sealedBytes, long chunk, out long length)
    {
        var field = EncryptedField.FromBytes(sealedBytes);
        try
        {
            length = 0;
            return FieldCipher.Decrypt(_key, field, ImportId, ChunkName(chunk));
        }
        catch (FieldDecryptionException)
        {
            // Not the next chunk: it must be the end record, or the file was altered.
        }

        try
        {
            var end = FieldCipher.Decrypt(_key, field, ImportId, EndName);
            length = BinaryPrimitives.ReadInt64LittleEndian(end);
            return null;
        }
        catch (FieldDecryptionException e)
        {
            throw new InvalidDataException("The spooled file was altered or belongs to another import.", e);
        }
    }

    private static string ChunkName(long chunk) => $"chunk {chunk}";
}
