using Npgsql;
using NpgsqlTypes;
using PhoneNumbers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace NotifyHub.Benchmarks.Intake;

/// <summary>
/// What an import cannot avoid doing, with no framework around it: the floor the API import is measured against.
/// Per row: parse the CSV line, check the required fields, normalise the phone number with libphonenumber, six
/// HMAC-SHA256 blind indexes (external id, email, phone, date of birth, postcode, reference code), a fresh 75-bit
/// reference code, one AES-256-GCM record of every field and three AES-256-GCM channel projections (email, SMS, mail
/// house) under another key. Rows are encoded on every core in batches; one writer binary-COPYs them into a table with
/// the stored columns. No checks of existing people, no events, no progress: those are the import's own costs.
/// </summary>
public static class IntrinsicImportBaseline
{
    private const int BatchRows = 2_000;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <returns>Seconds for the whole file, and how many rows were stored.</returns>
    public static async Task<(double Seconds, int Stored)> RunAsync(string connection, string file)
    {
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand("""
                CREATE TABLE intrinsic_parties (id uuid PRIMARY KEY, external_id_index bytea NOT NULL, email_index bytea,
                  phone_index bytea, date_of_birth_index bytea, postcode_index bytea, reference_code_index bytea NOT NULL,
                  record bytea NOT NULL, email_projection bytea, sms_projection bytea, mail_projection bytea, data_categories text)
                """, db);
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var lines = Channel.CreateBounded<string[]>(Environment.ProcessorCount * 2);
        var encoded = Channel.CreateBounded<List<Row>>(Environment.ProcessorCount * 2);
        var (dataKey, indexKey, holderKey) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var reader = Task.Run(() => ReadAsync(file, lines.Writer));
        var encoders = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(() => EncodeAsync(lines.Reader, encoded.Writer, dataKey, indexKey, holderKey))).ToArray();
        var writer = Task.Run(() => WriteAsync(connection, encoded.Reader));
        await reader;
        await Task.WhenAll(encoders);
        encoded.Writer.Complete();
        var stored = await writer;
        return (clock.Elapsed.TotalSeconds, stored);
    }

    private static async Task ReadAsync(string file, ChannelWriter<string[]> lines)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, false, 1 << 16);
        await reader.ReadLineAsync();
        var batch = new List<string>(BatchRows);
        while (await reader.ReadLineAsync() is { } line)
        {
            batch.Add(line);
            if (batch.Count == BatchRows)
            {
                await lines.WriteAsync([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await lines.WriteAsync([.. batch]);
        }

        lines.Complete();
    }

    private static async Task EncodeAsync(ChannelReader<string[]> lines, ChannelWriter<List<Row>> encoded, byte[] dataKey, byte[] indexKey, byte[] holderKey)
    {
        using var data = new AesGcm(dataKey, TagSize);
        using var holder = new AesGcm(holderKey, TagSize);
        var phones = PhoneNumberUtil.GetInstance();
        var fields = new string[14];
        await foreach (var batch in lines.ReadAllAsync())
        {
            var rows = new List<Row>(batch.Length);
            foreach (var line in batch)
            {
                if (Encode(line, fields, phones, data, holder, indexKey) is { } row)
                {
                    rows.Add(row);
                }
            }

            await encoded.WriteAsync(rows);
        }
    }

    /// <summary>Columns as the benchmark's file has them: external_id, given, family, email, phone, address 1 and 2,
    /// locality, region, postcode, country, date_of_birth, language, data_categories.</summary>
    private static Row? Encode(string line, string[] fields, PhoneNumberUtil phones, AesGcm data, AesGcm holder, byte[] indexKey)
    {
        if (!Split(line, fields) || fields[0].Length == 0 || (fields[1].Length == 0 && fields[2].Length == 0))
        {
            return null;
        }

        var email = fields[3].Contains('@', StringComparison.Ordinal) ? fields[3].Trim().ToLowerInvariant() : null;
        string? phone = null;
        if (fields[4].Length > 0)
        {
            try
            {
                var parsed = phones.Parse(fields[4], fields[10]);
                phone = phones.IsValidNumber(parsed) ? phones.Format(parsed, PhoneNumberFormat.E164) : null;
            }
            catch (NumberParseException)
            {
                phone = null;
            }
        }

        var hasAddress = fields[5].Length > 0 && fields[10].Length > 0;
        if (email is null && phone is null && !hasAddress)
        {
            return null;
        }

        var id = Guid.CreateVersion7();
        var code = ReferenceCode();
        var record = Seal(data, id, [.. fields[..13], code]);
        return new Row(
            id,
            Index(indexKey, 1, fields[0]),
            email is null ? null : Index(indexKey, 2, email),
            phone is null ? null : Index(indexKey, 3, phone),
            fields[11].Length == 0 ? null : Index(indexKey, 4, fields[11]),
            fields[9].Length == 0 ? null : Index(indexKey, 5, fields[9].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()),
            Index(indexKey, 6, code),
            record,
            email is null ? null : Seal(holder, id, [email, fields[1], fields[12], code]),
            phone is null ? null : Seal(holder, id, [phone, fields[12], code]),
            hasAddress ? Seal(holder, id, [fields[1], fields[2], fields[5], fields[6], fields[7], fields[8], fields[9], fields[10], fields[12], code]) : null,
            fields[13]);
    }

    private static byte[] Index(byte[] key, byte kind, string value)
    {
        Span<byte> input = stackalloc byte[1 + Encoding.UTF8.GetMaxByteCount(value.Length)];
        input[0] = kind;
        var length = 1 + Encoding.UTF8.GetBytes(value, input[1..]);
        return HMACSHA256.HashData(key, input[..length]);
    }

    /// <summary>75 random bits (of 80 drawn) as 15 Crockford base-32 letters, 5 bits each.</summary>
    private static string ReferenceCode()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        var bits = (UInt128)BinaryPrimitives.ReadUInt64BigEndian(random) << 16 | BinaryPrimitives.ReadUInt16BigEndian(random[8..]);
        return string.Create(15, bits, static (letters, value) =>
        {
            for (var i = 0; i < letters.Length; i++)
            {
                letters[i] = Crockford[(int)((value >> (i * 5)) & 31)];
            }
        });
    }

    /// <summary>Length-prefixed UTF-8 fields, sealed with a random nonce and the row id as associated data.</summary>
    private static byte[] Seal(AesGcm key, Guid id, string[] values)
    {
        var size = values.Sum(v => 2 + Encoding.UTF8.GetByteCount(v));
        var plain = new byte[size];
        var at = 0;
        foreach (var value in values)
        {
            var length = Encoding.UTF8.GetBytes(value, plain.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(at), (ushort)length);
            at += 2 + length;
        }

        var output = new byte[NonceSize + TagSize + size];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        Span<byte> aad = stackalloc byte[16];
        id.TryWriteBytes(aad);
        key.Encrypt(output.AsSpan(0, NonceSize), plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), aad);
        CryptographicOperations.ZeroMemory(plain);
        return output;
    }

    /// <summary>RFC 4180 fields of one line into <paramref name="fields"/>; false when the count or quoting is wrong.</summary>
    private static bool Split(string line, string[] fields)
    {
        var field = 0;
        var value = new StringBuilder();
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == ',')
            {
                if (field == fields.Length)
                {
                    return false;
                }

                fields[field++] = value.ToString();
                value.Clear();
            }
            else if (line[i] == '"' && value.Length == 0)
            {
                var close = i + 1;
                while (true)
                {
                    close = line.IndexOf('"', close);
                    if (close < 0)
                    {
                        return false;
                    }

                    if (close + 1 < line.Length && line[close + 1] == '"')
                    {
                        value.Append(line, i + 1, close + 1 - (i + 1));
                        i = close;
                        close += 2;
                        continue;
                    }

                    value.Append(line, i + 1, close - (i + 1));
                    i = close;
                    break;
                }
            }
            else
            {
                value.Append(line[i]);
            }
        }

        return field == fields.Length;
    }

    private static async Task<int> WriteAsync(string connection, ChannelReader<List<Row>> encoded)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var stored = 0;
        await using var copy = await db.BeginBinaryImportAsync("""
            COPY intrinsic_parties (id, external_id_index, email_index, phone_index, date_of_birth_index, postcode_index,
              reference_code_index, record, email_projection, sms_projection, mail_projection, data_categories) FROM STDIN (FORMAT BINARY)
            """);
        await foreach (var rows in encoded.ReadAllAsync())
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                foreach (var bytes in new[] { row.ExternalId, row.Email, row.Phone, row.DateOfBirth, row.Postcode, row.Code, row.Record, row.EmailProjection, row.SmsProjection, row.MailProjection })
                {
                    if (bytes is null)
                    {
                        await copy.WriteNullAsync();
                    }
                    else
                    {
                        await copy.WriteAsync(bytes, NpgsqlDbType.Bytea);
                    }
                }

                await copy.WriteAsync(row.Categories, NpgsqlDbType.Text);
            }

            stored += rows.Count;
        }

        await copy.CompleteAsync();
        return stored;
    }

    private sealed record Row(Guid Id, byte[] ExternalId, byte[]? Email, byte[]? Phone, byte[]? DateOfBirth, byte[]? Postcode, byte[] Code,
        byte[] Record, byte[]? EmailProjection, byte[]? SmsProjection, byte[]? MailProjection, string Categories);
}
