namespace NotifyHub.Notifications.Sms;

public enum SmsEncoding
{
    Gsm7 = 1,
    Ucs2 = 2,
}
