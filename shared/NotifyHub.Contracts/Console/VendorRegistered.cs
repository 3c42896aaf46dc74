namespace NotifyHub.Contracts.Console;

/// <summary>An admin registered a vendor; services that assign vendors keep the list of registered ids.</summary>
public sealed record VendorRegistered(Guid VendorId, DateTimeOffset RegisteredAt);
