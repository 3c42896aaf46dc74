namespace NotifyHub.Contracts;

/// <summary>
/// Key owners for NotifyHub's own services that hold projections, treated like vendors by the key hierarchy so
/// that each holder's data is encrypted under its own key and can be shredded on its own.
/// </summary>
public static class InternalHolders
{
    /// <summary>The notifications service's Email, Sms and MailHouse projections.</summary>
    public static readonly Guid Notifications = new("6e6f7469-6669-6361-7469-6f6e73000001");
}
