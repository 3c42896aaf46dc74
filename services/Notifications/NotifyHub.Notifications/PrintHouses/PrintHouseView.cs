using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>A print house as the API shows it: public material and addresses only (our SFTP credential is configuration).</summary>
public sealed record PrintHouseView(
    Guid Id, string Name, Guid? IncidentId, string KeyKind, string KeyFingerprint, string? SftpHost, int? SftpPort, string? SftpUser,
    string? SftpHostKeySha256, string Status, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static PrintHouseView Of(PrintHouse h) => new(h.Id, h.Name, h.IncidentId, h.KeyKind.ToCode(), h.KeyFingerprint, h.SftpHost,
        h.SftpPort, h.SftpUser, h.SftpHostKeySha256, h.IsRevoked ? "revoked" : "active", h.CreatedBy, h.CreatedAt, h.RevokedAt);
}
