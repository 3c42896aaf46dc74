using NotifyHub.Privacy.Purposes;
using System.Collections.Frozen;

namespace NotifyHub.Intake.Imports;

/// <summary>The columns an import keeps (the module README; docs/privacy.md, "Minimise"); everything else in a file is dropped on the way in.</summary>
public enum ImportColumn
{
    ExternalId,
    GivenName,
    FamilyName,
    Email,
    Phone,
    AddressLine1,
    AddressLine2,
    Locality,
    Region,
    Postcode,
    Country,
    DateOfBirth,
    Language,
    DataCategories,
}

public static class ImportColumns
{
    public const int Count = 14;

    private static readonly string[] Names =
    [
        "external_id", "given_name", "family_name", "email", "phone", "address_line1", "address_line2", "locality",
        "region", "postcode", "country", "date_of_birth", "language", "data_categories",
    ];

    private static readonly FrozenDictionary<string, ImportColumn> ByName = Names
        .Select((name, i) => (name, column: (ImportColumn)i))
        .ToFrozenDictionary(x => x.name, x => x.column, StringComparer.OrdinalIgnoreCase);

    public static string Name(this ImportColumn column) => Names[(int)column];

    /// <summary>Header names match in any case, ignoring surrounding spaces.</summary>
    public static bool TryParse(string header, out ImportColumn column) => ByName.TryGetValue(header.Trim(), out column);

    /// <summary>The personal field a column's value becomes (language and categories are not personal).</summary>
    public static PersonalField Field(this ImportColumn column) => column switch
    {
        ImportColumn.ExternalId => PersonalField.ExternalId,
        ImportColumn.GivenName => PersonalField.GivenName,
        ImportColumn.FamilyName => PersonalField.FamilyName,
        ImportColumn.Email => PersonalField.Email,
        ImportColumn.Phone => PersonalField.Phone,
        ImportColumn.AddressLine1 => PersonalField.AddressLine1,
        ImportColumn.AddressLine2 => PersonalField.AddressLine2,
        ImportColumn.Locality => PersonalField.Locality,
        ImportColumn.Region => PersonalField.Region,
        ImportColumn.Postcode => PersonalField.Postcode,
        ImportColumn.Country => PersonalField.Country,
        ImportColumn.DateOfBirth => PersonalField.DateOfBirth,
        ImportColumn.Language => PersonalField.Language,
        ImportColumn.DataCategories => PersonalField.DataCategories,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}
