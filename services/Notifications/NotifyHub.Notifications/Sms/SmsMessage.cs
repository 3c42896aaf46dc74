using NotifyHub.Privacy.Fields;

namespace NotifyHub.Notifications.Sms;

/// <summary>One rendered SMS for one person; <see cref="To"/> as imported (normalised to E.164 before sending).</summary>
public sealed record SmsMessage(Guid NotificationId, Sensitive<string> To, string Body, string? Country = null);
