namespace NotifyHub.Notifications;

/// <summary>Marker for the notifications pages' text in Resources/NotificationsText.*.resx (English, French, Japanese).</summary>
public sealed class NotificationsText;
