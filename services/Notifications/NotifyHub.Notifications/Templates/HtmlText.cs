using System.Net;
using System.Text.RegularExpressions;

namespace NotifyHub.Notifications.Templates;

/// <summary>The plain-text part of an email derived from its HTML: line breaks where blocks end, tags dropped, entities decoded.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        var text = Invisible().Replace(html, "");
        text = LinkWithHref().Replace(text, m => $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        text = BlockEnd().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Spaces().Replace(text, " ");
        text = BlankLines().Replace(text.Replace("\n ", "\n", StringComparison.Ordinal), "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"<(head|style|script)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<a\b[^>]*\bhref\s*=\s*[""'](?<href>[^""']+)[""'][^>]*>(?<text>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LinkWithHref();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|li|tr|table|ul|ol)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
