using System.Text;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>
/// A person whose every personal value is distinctive enough that finding it anywhere can only mean a leak.
/// <see cref="Forbidden"/> lists each value in the forms NotifyHub might store it (as given, normalised, lower-case).
/// </summary>
public static class CanaryPerson
{
    public const string ExternalId = "CANARY-EXT-77410293";
    public const string GivenName = "Zephyrine";
    public const string FamilyName = "Quillfeather-Okonkwo";
    public const string Email = "Zephyrine.Canary@Quillfeather.example";
    public const string Phone = "0491 570 159";
    public const string PhoneE164 = "+61491570159";
    public const string AddressLine1 = "77 Canarywharf Crescent";
    public const string Locality = "Wollongbarra";
    public const string Postcode = "2659";
    public const string Country = "AU";
    public const string DateOfBirth = "1983-07-19";

    public static IReadOnlyList<string> Forbidden { get; } =
    [
        ExternalId, GivenName, FamilyName, Email, Email.ToLowerInvariant(), "Quillfeather.example".ToLowerInvariant(),
        PhoneE164, "61491570159", "491570159", AddressLine1, "Canarywharf", Locality, DateOfBirth, "19830719",
    ];

    /// <summary>A header and one row in the import format (services/Intake/NotifyHub.Intake/README.md).</summary>
    public static string Csv =>
        "external_id,given_name,family_name,email,phone,address_line1,locality,postcode,country,date_of_birth,language,data_categories\n" +
        $"{ExternalId},{GivenName},{FamilyName},{Email},{Phone},{AddressLine1},{Locality},{Postcode},{Country},{DateOfBirth},en,name;contact;date_of_birth\n";

    /// <summary>Every byte form a leaked value could take: UTF-8, UTF-16 (SQLite may store either) and hex (bytea as text).</summary>
    public static IEnumerable<(string Value, byte[] Bytes)> ByteForms() =>
        Forbidden.SelectMany(v => new[] { Encoding.UTF8.GetBytes(v), Encoding.Unicode.GetBytes(v) }.Select(b => (v, b)));

    public static IEnumerable<string> TextForms() =>
        Forbidden.Concat(Forbidden.Select(v => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(v))));
}
