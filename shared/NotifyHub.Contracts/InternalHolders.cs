namespace NotifyHub.Contracts;

/// <summary>
/// Key owners for NotifyHub's own services that hold projections, treated like vendors by the key hierarchy so
/// that each holder's data is encrypted under its own key and can be shredded on its own.
/// </summary>
public static class InternalHolders
{
    /// <summary>The notifications service's Email, Sms and MailHouse projections.</summary>
    public static readonly Guid Notifications = new("6e6f7469-6669-6361-7469-6f6e73000001");

    /// <summary>The portal's projections (language and data categories) of the people who check their status there.</summary>
    public static readonly Guid Portal = new("706f7274-616c-0000-0000-686f6c646572");
}
