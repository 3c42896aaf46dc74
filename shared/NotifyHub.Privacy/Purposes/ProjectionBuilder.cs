using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;

namespace NotifyHub.Privacy.Purposes;

/// <summary>
/// Builds a vendor's projection of a person: copies only the fields the purpose allows and
/// encrypts them as one record under the vendor's current key. The record id and purpose are
/// bound in, so a projection cannot be replayed for another person or purpose.
/// </summary>
public sealed class ProjectionBuilder(FieldCipher cipher)
{
    public async Task<Projection> BuildAsync(
        Guid recordId,
        Purpose purpose,
        Guid vendorId,
        IReadOnlyDictionary<PersonalField, Sensitive<string>> person,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var allowed = PurposeAllowList.For(purpose);
        if (allowed.Count == 0)
        {
            throw new ArgumentException($"The {purpose} purpose carries no person-level fields; report aggregates instead.", nameof(purpose));
        }

        var fields = new Dictionary<string, Sensitive<string>>(allowed.Count, StringComparer.Ordinal);
        var included = new List<PersonalField>(allowed.Count);
        foreach (var (field, value) in person)
        {
            if (value is not null && allowed.Contains(field))
            {
                fields[field.Code()] = value;
                included.Add(field);
            }
        }

        included.Sort();
        var ciphertext = await cipher.EncryptRecordAsync(vendorId, KeyKind.Vendor, recordId, RecordName(purpose), fields, cancellationToken);
        return new Projection(recordId, purpose, vendorId, ciphertext, included);
    }

    /// <summary>
    /// Opens a projection this holder received (e.g. over the bus) without the key service's per-agent meter: for
    /// NotifyHub's own services (<c>InternalHolders</c>) that decrypt in memory to send. Only the purpose's allowed
    /// fields come back, so a projection built wrongly still shows nothing its purpose does not allow.
    /// </summary>
    /// <exception cref="FieldDecryptionException">Altered, or not this person's or purpose's projection.</exception>
    /// <exception cref="KeyDestroyedException">The holder's key was shredded.</exception>
    public async Task<Access.DecryptedProjection> OpenAsync(
        EncryptedField projection, Guid recordId, Purpose purpose, CancellationToken cancellationToken = default)
    {
        var allowed = PurposeAllowList.For(purpose);
        var record = await cipher.DecryptRecordAsync(projection, recordId, RecordName(purpose), cancellationToken);
        var fields = new Dictionary<PersonalField, Sensitive<string>>(record.Count);
        foreach (var (code, value) in record)
        {
            if (PersonalFieldCodes.TryParse(code, out var field) && allowed.Contains(field))
            {
                fields[field] = value;
            }
        }

        return new Access.DecryptedProjection(recordId, purpose, fields);
    }

    /// <summary>The purpose's stable code (<c>email</c>, <c>sms</c>, <c>mail-house</c>, ...), as carried in messages.</summary>
    public static string PurposeCode(Purpose purpose) => purpose.Code();

    /// <summary>The name bound into a projection's associated data.</summary>
    internal static string RecordName(Purpose purpose) => "projection:" + purpose.Code();
}
