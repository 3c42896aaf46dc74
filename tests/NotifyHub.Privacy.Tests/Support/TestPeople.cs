using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Tests.Support;

/// <summary>A person with every field set to a distinctive value, easy to spot if it ever leaks.</summary>
internal static class TestPeople
{
    public static Dictionary<PersonalField, string> CanaryValues() => new()
    {
        [PersonalField.ExternalId] = "CUST-CANARY-000917",
        [PersonalField.GivenName] = "Zebedee",
        [PersonalField.FamilyName] = "Quillfeather",
        [PersonalField.Email] = "zebedee.quillfeather@canary.example",
        [PersonalField.Phone] = "+61491570157",
        [PersonalField.AddressLine1] = "17 Marmalade Crescent",
        [PersonalField.AddressLine2] = "Flat 9b",
        [PersonalField.Locality] = "Wombatville",
        [PersonalField.Region] = "NSW",
        [PersonalField.Postcode] = "QX9 9ZZ",
        [PersonalField.Country] = "AU",
        [PersonalField.DateOfBirth] = "1953-07-14",
        [PersonalField.Language] = "en",
        [PersonalField.DataCategories] = "name;date_of_birth;payment_card",
        [PersonalField.ReferenceCode] = "K7QD-9XW2",
    };

    public static Dictionary<PersonalField, Sensitive<string>> Canary() =>
        CanaryValues().ToDictionary(pair => pair.Key, pair => Sensitive.Of(pair.Value));
}
