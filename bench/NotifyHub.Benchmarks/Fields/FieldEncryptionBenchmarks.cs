using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NotifyHub.Privacy;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Benchmarks.Fields;

/// <summary>
/// FieldCipher against raw AesGcm doing the same work: one AES-256-GCM key created once, a
/// random 96-bit nonce per call, associated data of record id and field name, a fresh output
/// array. What the wrapper adds is its header, its key id check and its AesGcm pool.
/// Not sealed: BenchmarkDotNet generates a class deriving from it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FieldEncryptionBenchmarks : IDisposable
{
    private const string FieldName = "given_name";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Guid _recordId = Guid.NewGuid();
    private SqliteConnection _connection = null!;
    private PrivacyDbContext _db = null!;
    private AesGcm _raw = null!;
    private DataKey _key = null!;
    private byte[] _payload = null!;
    private byte[] _rawCiphertext = null!;
    private EncryptedField _fieldCiphertext = null!;

    [Params(64, 1024)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = RandomNumberGenerator.GetBytes(PayloadSize);
        _raw = new AesGcm(RandomNumberGenerator.GetBytes(32), TagSize);

        // The wrapper's key comes from the real key store, as in production.
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _db = new PrivacyDbContext(new DbContextOptionsBuilder<PrivacyDbContext>().UseSqlite(_connection).Options);
        _db.Database.EnsureCreated();
        var root = new LocalKeyRing(new LocalKeyRingOptions { RootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        var store = new KeyStore(_db, root, new DataKeyCache(TimeProvider.System, TimeSpan.FromHours(1)), TimeProvider.System);
        _key = store.GetCurrentAsync(Guid.NewGuid(), KeyKind.IncidentData).AsTask().GetAwaiter().GetResult();

        _rawCiphertext = RawEncrypt();
        _fieldCiphertext = FieldCipherEncrypt();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _raw?.Dispose();
        _db?.Dispose();
        _connection?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Encrypt")]
    public byte[] RawEncrypt()
    {
        var output = new byte[NonceSize + TagSize + _payload.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[16 + 64];
        var aadLength = WriteAad(aad);
        _raw.Encrypt(nonce, _payload, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), aad[..aadLength]);
        return output;
    }

    [Benchmark]
    [BenchmarkCategory("Encrypt")]
    public EncryptedField FieldCipherEncrypt() => FieldCipher.Encrypt(_key, _recordId, FieldName, _payload);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Decrypt")]
    public byte[] RawDecrypt()
    {
        var input = _rawCiphertext.AsSpan();
        var output = new byte[input.Length - NonceSize - TagSize];
        Span<byte> aad = stackalloc byte[16 + 64];
        var aadLength = WriteAad(aad);
        _raw.Decrypt(input[..NonceSize], input[(NonceSize + TagSize)..], input.Slice(NonceSize, TagSize), output, aad[..aadLength]);
        return output;
    }

    [Benchmark]
    [BenchmarkCategory("Decrypt")]
    public byte[] FieldCipherDecrypt() => FieldCipher.Decrypt(_key, _fieldCiphertext, _recordId, FieldName);

    private int WriteAad(Span<byte> aad)
    {
        _recordId.TryWriteBytes(aad);
        return 16 + Encoding.UTF8.GetBytes(FieldName, aad[16..]);
    }
}
