namespace NotifyHub.Console.Vendors;

public sealed record VendorView(Guid Id, string Name, string Status, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    internal static VendorView From(Vendor v) => new(v.Id, v.Name, v.Status, v.CreatedAt, v.RevokedAt);
}
