namespace NotifyHub.Notifications.Sms;

/// <summary><paramref name="Units"/> are septets for GSM-7 and UTF-16 code units for UCS-2.</summary>
public sealed record SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments)
{
    public string EncodingName => Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";
}
