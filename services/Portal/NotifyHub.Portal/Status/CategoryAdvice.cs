using System.Collections.Frozen;

namespace NotifyHub.Portal.Status;

/// <summary>
/// Each data category's name and what a person should do about it, in the portal's languages (en, fr, ja). Kept in
/// code rather than resources because the JSON API answers in the person's language, not the request's culture.
/// </summary>
public static class CategoryAdvice
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "ja"];

    private static readonly FrozenDictionary<string, (string Name, string Advice)[]> Table = new Dictionary<string, (string, string)[]>
    {
        ["name"] = [("Name", "Be wary of messages that use your name to seem genuine."),
            ("Nom", "Méfiez-vous des messages qui utilisent votre nom pour paraître authentiques."),
            ("氏名", "氏名を使って本物らしく見せるメッセージに注意してください。")],
        ["contact"] = [("Contact details", "Expect more unwanted calls and messages; never act on a link you did not expect."),
            ("Coordonnées", "Attendez-vous à plus d'appels et de messages indésirables ; ne suivez jamais un lien inattendu."),
            ("連絡先", "迷惑電話やメッセージが増える可能性があります。心当たりのないリンクは開かないでください。")],
        ["postal_address"] = [("Postal address", "Watch your post for letters or parcels you did not order."),
            ("Adresse postale", "Surveillez votre courrier : lettres ou colis que vous n'avez pas commandés."),
            ("住所", "注文していない郵便物や荷物に注意してください。")],
        ["email"] = [("Email address", "Expect phishing emails; we only ever write from the official address below."),
            ("Adresse e-mail", "Attendez-vous à des e-mails d'hameçonnage ; nous n'écrivons que depuis l'adresse officielle ci-dessous."),
            ("メールアドレス", "フィッシングメールに注意してください。当社は下記の公式アドレスからのみ送信します。")],
        ["phone"] = [("Phone number", "Expect scam calls and texts; hang up and call the helpline if unsure."),
            ("Numéro de téléphone", "Attendez-vous à des appels et SMS frauduleux ; raccrochez et appelez l'assistance en cas de doute."),
            ("電話番号", "詐欺の電話やSMSに注意してください。不審な場合は電話を切り、ヘルプラインにおかけください。")],
        ["date_of_birth"] = [("Date of birth", "Beware of calls that ask you to confirm your date of birth."),
            ("Date de naissance", "Méfiez-vous des appels qui vous demandent de confirmer votre date de naissance."),
            ("生年月日", "生年月日の確認を求める電話に注意してください。")],
        ["government_id"] = [("Government ID", "Contact the issuing office about replacing the document and watch for identity fraud."),
            ("Pièce d'identité", "Contactez l'organisme émetteur pour remplacer le document et surveillez toute usurpation d'identité."),
            ("公的身分証", "発行機関に再発行を相談し、なりすましに注意してください。")],
        ["financial_account"] = [("Bank account", "Call your bank and check your statements for payments you did not make."),
            ("Compte bancaire", "Appelez votre banque et vérifiez vos relevés pour des paiements que vous n'avez pas faits."),
            ("銀行口座", "銀行に連絡し、身に覚えのない取引がないか明細を確認してください。")],
        ["payment_card"] = [("Payment card", "Call your bank to cancel or replace the card."),
            ("Carte de paiement", "Appelez votre banque pour faire opposition ou remplacer la carte."),
            ("支払いカード", "カード会社に連絡し、カードの停止または再発行を依頼してください。")],
        ["credentials"] = [("Passwords", "Change the password, and anywhere you used the same one; turn on two-step sign-in."),
            ("Mots de passe", "Changez le mot de passe, et partout où vous l'utilisiez ; activez la double authentification."),
            ("パスワード", "パスワードと、同じものを使っている全てのサービスのパスワードを変更し、二段階認証を有効にしてください。")],
        ["health"] = [("Health information", "Tell your doctor or insurer if you receive unexpected contact about your health."),
            ("Données de santé", "Prévenez votre médecin ou assureur si l'on vous contacte de façon inattendue au sujet de votre santé."),
            ("健康情報", "健康に関する不審な連絡があれば、医師または保険会社に相談してください。")],
        ["vehicle_id"] = [("Vehicle details", "Watch for fines or notices about a vehicle that are not yours."),
            ("Données du véhicule", "Surveillez les amendes ou avis concernant un véhicule qui ne sont pas les vôtres."),
            ("車両情報", "身に覚えのない車両の罰金や通知に注意してください。")],
        ["location"] = [("Location", "Review which apps share your location."),
            ("Localisation", "Vérifiez quelles applications partagent votre position."),
            ("位置情報", "位置情報を共有しているアプリを確認してください。")],
        ["device_id"] = [("Device identifiers", "Keep your device updated and review signed-in devices on your accounts."),
            ("Identifiants d'appareil", "Mettez votre appareil à jour et vérifiez les appareils connectés à vos comptes."),
            ("端末識別子", "端末を最新に保ち、アカウントにログイン中の端末を確認してください。")],
        ["images"] = [("Images", "Tell us if you see your images used somewhere you did not expect."),
            ("Images", "Prévenez-nous si vous voyez vos images utilisées de façon inattendue."),
            ("画像", "想定外の場所で画像が使われているのを見つけたらお知らせください。")],
        ["other"] = [("Other information", "Call the helpline if you are unsure what to do."),
            ("Autres informations", "Appelez l'assistance si vous ne savez pas quoi faire."),
            ("その他の情報", "どうすればよいかわからない場合はヘルプラインにお電話ください。")],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name and advice for <paramref name="code"/> in <paramref name="language"/> (English when not supported).</summary>
    public static (string Name, string Advice) For(string code, string language)
    {
        var index = Math.Max(0, Languages.IndexOf(language));
        return Table.TryGetValue(code, out var entries) ? entries[index] : Table["other"][index];
    }

    /// <summary>A supported language for <paramref name="language"/> (its primary subtag), else English.</summary>
    public static string Supported(string? language)
    {
        var primary = (language ?? "en").Split('-', 2)[0].ToLowerInvariant();
        return Languages.Contains(primary) ? primary : "en";
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
