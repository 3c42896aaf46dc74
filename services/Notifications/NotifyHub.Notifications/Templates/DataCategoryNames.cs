using System.Collections.Frozen;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Built-in names of the data category codes in English, French and Japanese, for the <c>categories</c> template
/// variable. Other languages fall back to English; an unknown code shows as itself.
/// </summary>
public static class DataCategoryNames
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Names =
        new Dictionary<string, FrozenDictionary<string, string>>
        {
            ["en"] = Table(
                "your name", "your contact details", "your postal address", "your email address", "your phone number",
                "your date of birth", "a government identifier", "your bank account details", "your payment card details",
                "your login credentials", "health information", "your vehicle identification number", "location data",
                "device identifiers", "photographs or images", "other information"),
            ["fr"] = Table(
                "votre nom", "vos coordonnées", "votre adresse postale", "votre adresse électronique",
                "votre numéro de téléphone", "votre date de naissance", "un identifiant officiel",
                "vos coordonnées bancaires", "les données de votre carte de paiement", "vos identifiants de connexion",
                "des données de santé", "le numéro d'identification de votre véhicule", "des données de localisation",
                "des identifiants d'appareil", "des photographies ou images", "d'autres informations"),
            ["ja"] = Table(
                "氏名", "連絡先", "住所", "メールアドレス", "電話番号", "生年月日", "公的な識別番号", "銀行口座情報",
                "クレジットカード情報", "ログイン情報", "健康に関する情報", "車台番号", "位置情報", "端末識別子",
                "写真・画像", "その他の情報"),
        }.ToFrozenDictionary();

    public static string NameOf(string code, string? language)
    {
        var table = Names.GetValueOrDefault(PrimaryLanguage(language)) ?? Names["en"];
        return table.GetValueOrDefault(code) ?? Names["en"].GetValueOrDefault(code) ?? code;
    }

    public static IReadOnlyList<string> NamesOf(IEnumerable<string> codes, string? language) =>
        codes.Select(code => NameOf(code, language)).ToList();

    internal static string PrimaryLanguage(string? language) =>
        string.IsNullOrWhiteSpace(language) ? "en" : language.Split('-')[0].ToLowerInvariant();

    private static FrozenDictionary<string, string> Table(params string[] names) =>
        NotifyHub.Contracts.DataCategories.All.Zip(names).ToFrozenDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
}
