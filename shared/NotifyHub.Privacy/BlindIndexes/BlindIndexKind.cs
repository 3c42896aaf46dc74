namespace NotifyHub.Privacy.BlindIndexes;

/// <summary>What a blind index is of. Each kind has its own normalisation and its own prefix in the HMAC input.</summary>
public enum BlindIndexKind
{
    Email = 1,
    Phone = 2,
    ReferenceCode = 3,
    DateOfBirth = 4,
    Postcode = 5,
    ExternalId = 6,
}
