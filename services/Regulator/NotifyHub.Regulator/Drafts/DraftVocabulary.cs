namespace NotifyHub.Regulator.Drafts;

/// <summary>The words a draft needs in its report language (Japanese for the PPC, French for the CNIL, else English).</summary>
internal static class DraftVocabulary
{
    private static readonly Dictionary<string, (string Ja, string Fr, string En)> Categories = new(StringComparer.Ordinal)
    {
        ["name"] = ("氏名", "nom", "name"),
        ["contact"] = ("連絡先", "coordonnées", "contact details"),
        ["postal_address"] = ("住所", "adresse postale", "postal address"),
        ["email"] = ("メールアドレス", "adresse électronique", "email address"),
        ["phone"] = ("電話番号", "numéro de téléphone", "phone number"),
        ["date_of_birth"] = ("生年月日", "date de naissance", "date of birth"),
        ["government_id"] = ("公的な識別番号", "numéro d'identification officiel", "government identifier"),
        ["financial_account"] = ("金融口座情報", "informations de compte financier", "financial account"),
        ["payment_card"] = ("クレジットカード情報", "données de carte de paiement", "payment card"),
        ["credentials"] = ("認証情報（ID・パスワード）", "identifiants de connexion", "credentials"),
        ["health"] = ("健康・医療に関する情報（要配慮個人情報）", "données de santé", "health information"),
        ["vehicle_id"] = ("車両識別番号", "identifiant de véhicule", "vehicle identifier"),
        ["location"] = ("位置情報", "données de localisation", "location"),
        ["device_id"] = ("端末識別子", "identifiant d'appareil", "device identifier"),
        ["images"] = ("画像", "images", "images"),
        ["other"] = ("その他", "autres", "other"),
    };

    private static readonly Dictionary<string, (string Ja, string Fr, string En)> Causes = new(StringComparer.Ordinal)
    {
        ["malicious_attack"] = ("不正アクセス等の外部からの攻撃", "attaque malveillante", "malicious attack"),
        ["insider"] = ("内部不正", "acte malveillant interne", "insider"),
        ["vendor"] = ("委託先における事案", "incident chez un sous-traitant", "vendor"),
        ["misconfiguration"] = ("設定の不備", "erreur de configuration", "misconfiguration"),
        ["human_error"] = ("誤送付等の人為的ミス", "erreur humaine", "human error"),
        ["lost_device"] = ("機器の紛失・盗難", "perte ou vol d'un appareil", "lost or stolen device"),
        ["other"] = ("その他", "autre", "other"),
    };

    public static string Category(string code, string language) => Pick(Categories, code, language);

    public static string Cause(string code, string language) => Pick(Causes, code, language);

    public static string ToComplete(string language) => Primary(language) switch
    {
        "ja" => "【要記入】",
        "fr" => "[à compléter]",
        _ => "[to be completed]",
    };

    public static string Separator(string language) => Primary(language) == "ja" ? "、" : ", ";

    public static string Title(string kind, string language) => (Primary(language), kind) switch
    {
        ("ja", Rules.ObligationKinds.RegulatorPreliminary) => "漏えい等報告（速報）",
        ("ja", Rules.ObligationKinds.RegulatorFinal) => "漏えい等報告（確報）",
        ("ja", Rules.ObligationKinds.IndividualNotice) => "本人への通知",
        ("ja", _) => "漏えい等報告",
        ("fr", Rules.ObligationKinds.IndividualNotice) => "Communication d'une violation de données aux personnes concernées",
        ("fr", _) => "Notification d'une violation de données à caractère personnel",
        (_, Rules.ObligationKinds.RegulatorPreliminary) => "Personal data breach report (preliminary)",
        (_, Rules.ObligationKinds.RegulatorFinal) => "Personal data breach report (final)",
        (_, Rules.ObligationKinds.IndividualNotice) => "Notice of data breach to affected individuals",
        (_, Rules.ObligationKinds.RiskAssessment) => "Breach risk assessment",
        _ => "Personal data breach notification",
    };

    /// <summary>The labels of the draft's own header lines (authority, deadline, rule).</summary>
    public static (string Authority, string Deadline, string Rule) Header(string language) => Primary(language) switch
    {
        "ja" => ("提出先", "期限", "根拠"),
        "fr" => ("Autorité", "Échéance", "Fondement"),
        _ => ("Authority", "Deadline", "Rule"),
    };

    private static string Pick(Dictionary<string, (string Ja, string Fr, string En)> words, string code, string language) =>
        words.TryGetValue(code, out var w) ? Primary(language) switch { "ja" => w.Ja, "fr" => w.Fr, _ => w.En } : code;

    private static string Primary(string language) => language.Split('-')[0].ToLowerInvariant();
}
