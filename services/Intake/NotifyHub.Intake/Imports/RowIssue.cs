namespace NotifyHub.Intake.Imports;

/// <summary>What is wrong with one line: a code and a fixed message, never the value itself.</summary>
public sealed record RowIssue(long Line, string Column, string Code, string Message);

/// <summary>The codes of rejections (the row is skipped) and warnings (a value is dropped, the row kept).</summary>
public static class IssueCodes
{
    // Rejections.
    public const string MissingExternalId = "missing_external_id";
    public const string MissingName = "missing_name";
    public const string NoUsableChannel = "no_usable_channel";
    public const string UnbalancedQuotes = "unbalanced_quotes";
    public const string FieldTooLong = "field_too_long";
    public const string RowTooLong = "row_too_long";
    public const string NulByte = "nul_byte";
    public const string InvalidEncoding = "invalid_encoding";
    public const string WrongFieldCount = "wrong_field_count";
    public const string InvalidJson = "invalid_json";

    // Warnings.
    public const string UnknownColumn = "unknown_column";
    public const string InvalidEmail = "invalid_email";
    public const string InvalidPhone = "invalid_phone";
    public const string InvalidDateOfBirth = "invalid_date_of_birth";
    public const string InvalidCountry = "invalid_country";
    public const string InvalidLanguage = "invalid_language";
    public const string UnknownDataCategory = "unknown_data_category";
}
