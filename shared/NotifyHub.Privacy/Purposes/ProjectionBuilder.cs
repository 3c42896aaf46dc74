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

    /// <summary>The name bound into a projection's associated data.</summary>
    internal static string RecordName(Purpose purpose) => "projection:" + purpose.Code();
}
