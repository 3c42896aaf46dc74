namespace NotifyHub.Privacy.Purposes;

/// <summary>The personal fields NotifyHub keeps (the import's columns, after minimisation).</summary>
public enum PersonalField
{
    ExternalId = 1,
    GivenName = 2,
    FamilyName = 3,
    Email = 4,
    Phone = 5,
    AddressLine1 = 6,
    AddressLine2 = 7,
    Locality = 8,
    Region = 9,
    Postcode = 10,
    Country = 11,
    DateOfBirth = 12,
    Language = 13,
    DataCategories = 14,
    ReferenceCode = 15,
}
