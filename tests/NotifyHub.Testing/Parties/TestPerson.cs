using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Testing.Parties;

/// <summary>An affected person as intake would hold them; which projections they get depends on the fields set.</summary>
public sealed record TestPerson(
    Guid Id, string GivenName, string FamilyName, string ReferenceCode, string Language,
    string? Email = null, string? Phone = null, string? AddressLine1 = null, string? Locality = null, string? Postcode = null,
    string Country = "GB", IReadOnlyList<string>? Categories = null, string? AddressLine2 = null, string? Region = null)
{
    public static TestPerson Create(int i, string language = "en", string? email = null, string? phone = null, string? address = null, string country = "GB") =>
        new(Guid.NewGuid(), $"Given{i}", $"Family{i}", $"REF-{i:D6}-{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}", language,
            email, phone, address, address is null ? null : "Springfield", address is null ? null : $"SP{i % 100} 1AA", country,
            ["email", "payment_card"]);

    public IReadOnlyDictionary<PersonalField, Sensitive<string>> Fields()
    {
        var fields = new Dictionary<PersonalField, Sensitive<string>>
        {
            [PersonalField.GivenName] = Sensitive.Of(GivenName),
            [PersonalField.FamilyName] = Sensitive.Of(FamilyName),
            [PersonalField.ReferenceCode] = Sensitive.Of(ReferenceCode),
            [PersonalField.Language] = Sensitive.Of(Language),
            [PersonalField.Country] = Sensitive.Of(Country),
            [PersonalField.DataCategories] = Sensitive.Of(string.Join(';', Categories ?? [])),
        };
        void Add(PersonalField field, string? value)
        {
            if (value is not null)
            {
                fields[field] = Sensitive.Of(value);
            }
        }

        Add(PersonalField.Email, Email);
        Add(PersonalField.Phone, Phone);
        Add(PersonalField.AddressLine1, AddressLine1);
        Add(PersonalField.AddressLine2, AddressLine2);
        Add(PersonalField.Region, Region);
        Add(PersonalField.Locality, Locality);
        Add(PersonalField.Postcode, Postcode);
        return fields;
    }

    /// <summary>The purposes intake projects this person for: only those they can be reached through.</summary>
    public IEnumerable<Purpose> Purposes()
    {
        if (Email is not null)
        {
            yield return Purpose.Email;
        }

        if (Phone is not null)
        {
            yield return Purpose.Sms;
        }

        if (AddressLine1 is not null)
        {
            yield return Purpose.MailHouse;
        }
    }
}
