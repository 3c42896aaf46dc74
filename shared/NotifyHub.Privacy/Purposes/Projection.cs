using NotifyHub.Privacy.Fields;

namespace NotifyHub.Privacy.Purposes;

/// <summary>
/// What one vendor holds about one person for one purpose: the allowed fields, as one
/// ciphertext under the vendor's key. <see cref="Fields"/> lists which fields are inside
/// (names only, never values).
/// </summary>
public sealed record Projection(
    Guid RecordId,
    Purpose Purpose,
    Guid VendorId,
    EncryptedField Ciphertext,
    IReadOnlyList<PersonalField> Fields);
