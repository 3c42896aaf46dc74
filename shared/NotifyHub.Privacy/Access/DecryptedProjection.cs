using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>One decrypted projection; the values stay <see cref="Sensitive{T}"/> until shown.</summary>
public sealed record DecryptedProjection(
    Guid RecordId,
    Purpose Purpose,
    IReadOnlyDictionary<PersonalField, Sensitive<string>> Fields)
{
    public Sensitive<string>? this[PersonalField field] => Fields.GetValueOrDefault(field);
}
