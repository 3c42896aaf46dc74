using System.Collections.Frozen;

namespace NotifyHub.Privacy.Purposes;

/// <summary>
/// Stable names for fields and purposes inside ciphertexts and audit entries: the import's
/// column names and fixed purpose codes, never enum member names that a rename would change.
/// </summary>
public static class PersonalFieldCodes
{
    private static readonly FrozenDictionary<PersonalField, string> Codes = new Dictionary<PersonalField, string>
    {
        [PersonalField.ExternalId] = "external_id",
        [PersonalField.GivenName] = "given_name",
        [PersonalField.FamilyName] = "family_name",
        [PersonalField.Email] = "email",
        [PersonalField.Phone] = "phone",
        [PersonalField.AddressLine1] = "address_line1",
        [PersonalField.AddressLine2] = "address_line2",
        [PersonalField.Locality] = "locality",
        [PersonalField.Region] = "region",
        [PersonalField.Postcode] = "postcode",
        [PersonalField.Country] = "country",
        [PersonalField.DateOfBirth] = "date_of_birth",
        [PersonalField.Language] = "language",
        [PersonalField.DataCategories] = "data_categories",
        [PersonalField.ReferenceCode] = "reference_code",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, PersonalField> Fields =
        Codes.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Code(this PersonalField field) => Codes[field];

    public static bool TryParse(string code, out PersonalField field) => Fields.TryGetValue(code, out field);

    public static string Code(this Purpose purpose) => purpose switch
    {
        Purpose.CallCentre => "call-centre",
        Purpose.MailHouse => "mail-house",
        Purpose.Email => "email",
        Purpose.Sms => "sms",
        Purpose.Portal => "portal",
        Purpose.Regulator => "regulator",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose."),
    };

    public static string JoinCodes(IEnumerable<PersonalField> fields) =>
        string.Join(',', fields.Order().Select(field => field.Code()));
}
