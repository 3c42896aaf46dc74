using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Templates;

/// <summary>A made-up person for previews and for the SMS length check, with names typical of the language.</summary>
public static class SampleRecipient
{
    public const string ReferenceCode = "7K3M-Q9XD-2P";

    public static Recipient For(string? language, IReadOnlyList<string>? categories)
    {
        var (given, family) = DataCategoryNames.PrimaryLanguage(language) switch
        {
            "fr" => ("Camille", "Lefèvre"),
            "ja" => ("花子", "山田"),
            _ => ("Alex", "Morgan"),
        };
        return new Recipient(Sensitive.Of(given), Sensitive.Of(family), Sensitive.Of(ReferenceCode), language,
            categories ?? ["name", "contact"]);
    }
}
