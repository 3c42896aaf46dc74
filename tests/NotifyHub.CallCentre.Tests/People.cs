namespace NotifyHub.CallCentre.Tests;

/// <summary>The people the tests import: distinctive values, so a copy of any of them in clear text is easy to find.</summary>
public static class People
{
    public const string Header = "external_id,given_name,family_name,email,phone,postcode,date_of_birth,language,data_categories";

    public const string Csv = Header + "\n"
        + "ext-1,Quillonia,Zebrowskaja,quillonia.canary@example.com,+61 491 570 156,2000,1981-03-14,en,name;date_of_birth\n"
        + "ext-2,Bartholomew,Okonkwo-Vance,bart.canary@example.com,+61 491 570 157,3000,1975-11-02,fr,name;payment_card\n"
        + "ext-3,Hyacinth,Twin,hyacinth@example.com,+61 491 570 158,4000,1990-06-30,ja,name\n";

    public const string CanaryGivenName = "Quillonia";
    public const string CanaryFamilyName = "Zebrowskaja";
    public const string CanaryEmail = "quillonia.canary@example.com";
    public const string CanaryDateOfBirth = "1981-03-14";
}
