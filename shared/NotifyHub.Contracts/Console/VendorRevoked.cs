namespace NotifyHub.Contracts.Console;

/// <summary>A vendor's access was revoked for good: its key is destroyed and everything it held is unreadable.</summary>
public sealed record VendorRevoked(Guid VendorId, DateTimeOffset RevokedAt, string RevokedBy);
