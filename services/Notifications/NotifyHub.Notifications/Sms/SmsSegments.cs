using System.Collections.Frozen;

namespace NotifyHub.Notifications.Sms;

/// <summary>
/// How many SMS parts a text costs. GSM-7 (3GPP TS 23.038): 160 septets alone, 153 per part when concatenated,
/// extension-table characters (<c>^{}\[~]|€</c> and form feed) take two septets and never straddle parts. Anything
/// outside GSM-7 (Japanese, but also ç, ê, œ) sends the whole text as UCS-2: 70 UTF-16 units alone, 67 per part,
/// a surrogate pair never split.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var gsm = text.All(c => BasicSet.Contains(c) || ExtensionSet.Contains(c));
        if (gsm)
        {
            var widths = text.Select(c => ExtensionSet.Contains(c) ? 2 : 1).ToList();
            return new SmsSegmentCount(SmsEncoding.Gsm7, widths.Sum(), Pack(widths, single: 160, part: 153));
        }

        var units = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            units.Add(pair ? 2 : 1);
            i += pair ? 1 : 0;
        }

        return new SmsSegmentCount(SmsEncoding.Ucs2, units.Sum(), Pack(units, single: 70, part: 67));
    }

    private static int Pack(List<int> widths, int single, int part)
    {
        var total = widths.Sum();
        if (total == 0)
        {
            return 0;
        }

        if (total <= single)
        {
            return 1;
        }

        var parts = 1;
        var used = 0;
        foreach (var width in widths)
        {
            if (used + width > part)
            {
                parts++;
                used = 0;
            }

            used += width;
        }

        return parts;
    }
}
