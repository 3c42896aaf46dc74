using System.Collections.Frozen;

namespace NotifyHub.Privacy.Purposes;

/// <summary>
/// The one place that says which personal fields each purpose may carry. Everything that
/// builds or reads a projection asks here; nothing else lists fields.
/// </summary>
public static class PurposeAllowList
{
    private static readonly FrozenDictionary<Purpose, FrozenSet<PersonalField>> Allowed =
        new Dictionary<Purpose, FrozenSet<PersonalField>>
        {
            // Never date of birth, postal address or email: the OracleCMS breach leaked exactly those.
            [Purpose.CallCentre] = Set(PersonalField.GivenName, PersonalField.Language, PersonalField.DataCategories),
            [Purpose.MailHouse] = Set(
                PersonalField.GivenName, PersonalField.FamilyName,
                PersonalField.AddressLine1, PersonalField.AddressLine2, PersonalField.Locality,
                PersonalField.Region, PersonalField.Postcode, PersonalField.Country,
                PersonalField.Language, PersonalField.ReferenceCode),
            [Purpose.Email] = Set(
                PersonalField.Email, PersonalField.GivenName, PersonalField.FamilyName,
                PersonalField.Language, PersonalField.ReferenceCode, PersonalField.DataCategories),
            // Country gives the time zone for quiet hours.
            [Purpose.Sms] = Set(
                PersonalField.Phone, PersonalField.GivenName, PersonalField.FamilyName,
                PersonalField.Language, PersonalField.ReferenceCode, PersonalField.DataCategories,
                PersonalField.Country),
            [Purpose.Portal] = Set(PersonalField.Language, PersonalField.DataCategories),
            // Aggregates only: nothing person-level.
            [Purpose.Regulator] = Set(),
        }.ToFrozenDictionary();

    public static IReadOnlySet<PersonalField> For(Purpose purpose) =>
        Allowed.TryGetValue(purpose, out var fields)
            ? fields
            : throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose.");

    public static bool Allows(Purpose purpose, PersonalField field) => For(purpose).Contains(field);

    private static FrozenSet<PersonalField> Set(params PersonalField[] fields) => fields.ToFrozenSet();
}
