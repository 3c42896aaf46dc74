namespace NotifyHub.Privacy.Purposes;

/// <summary>Why personal data leaves the controller. Each purpose has an allow-list in <see cref="PurposeAllowList"/>.</summary>
public enum Purpose
{
    CallCentre = 1,
    MailHouse = 2,
    Email = 3,
    Sms = 4,
    Portal = 5,
    Regulator = 6,
}
