namespace NotifyHub.Notifications.Tests.Support;

/// <summary>Template bodies in English, French and Japanese using every variable.</summary>
public static class SampleTemplates
{
    public static object Email => new
    {
        name = "First notice (email)",
        channel = "email",
        defaultLanguage = "en",
        variants = new object[]
        {
            new { language = "en", subject = "About {{ incident.title }}", body = "<p>Dear {{ given_name }} {{ family_name }},</p><p>We found on {{ incident.discovered_at }}: {{ incident.summary }}</p><p>Exposed: {{ categories | join: ', ' }}.</p><p>Your code: {{ reference_code }}. <a href=\"{{ portal_url }}\">Check</a>. Helpline {{ helpline }}.</p>" },
            new { language = "fr", subject = "Au sujet de {{ incident.title }}", body = "<p>Bonjour {{ given_name }} {{ family_name }},</p><p>Constaté le {{ incident.discovered_at }}.</p><p>Données concernées : {{ categories | join: ', ' }}.</p><p>Votre code : {{ reference_code }} {{ portal_url }} {{ helpline }}</p>" },
            new { language = "ja", subject = "{{ incident.title }}に関するお知らせ", body = "<p>{{ family_name }} {{ given_name }} 様</p><p>{{ incident.discovered_at }}に判明しました。</p><p>対象：{{ categories | join: '、' }}</p><p>照会番号：{{ reference_code }} {{ portal_url }} {{ helpline }}</p>" },
        },
    };

    public static object Sms => new
    {
        name = "First notice (sms)",
        channel = "sms",
        defaultLanguage = "en",
        variants = new object[]
        {
            new { language = "en", body = "{{ given_name }}, your data was exposed in a breach. Code {{ reference_code }}: {{ portal_url }}" },
            new { language = "fr", body = "{{ given_name }}, vos donnees ont ete exposees. Code {{ reference_code }} : {{ portal_url }}" },
            new { language = "ja", body = "{{ family_name }}様 情報漏えいのお知らせ。照会番号{{ reference_code }} {{ portal_url }}" },
        },
    };

    public static object Letter => new
    {
        name = "First notice (letter)",
        channel = "letter",
        defaultLanguage = "en",
        variants = new object[]
        {
            new { language = "en", subject = "Notice of a data breach", body = "Dear {{ given_name }} {{ family_name }},\n\n{{ incident.summary }}\nExposed: {{ categories | join: ', ' }}.\nYour reference code is {{ reference_code }}. Visit {{ portal_url }} or call {{ helpline }}." },
            new { language = "fr", subject = "Avis de violation de données", body = "Madame, Monsieur {{ family_name }},\n\nDonnées concernées : {{ categories | join: ', ' }}.\nVotre code de référence : {{ reference_code }}. {{ portal_url }}" },
            new { language = "ja", subject = "個人情報漏えいのお知らせ", body = "{{ family_name }} {{ given_name }} 様\n\n漏えいした情報：{{ categories | join: '、' }}\n照会番号：{{ reference_code }}\n{{ incident.discovered_at }}に判明しました。" },
        },
    };
}
