namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// One sign-in of one member of staff, kept in the platform schema so that every module, whatever else runs beside
/// it, can check a token against it. Tokens carry a secret session key; the row keeps only its hash, so reading
/// this table does not give anyone a usable session. A session is also its refresh tokens' family: every refresh
/// token ever issued for it belongs to it, and showing a retired one ends it.
/// </summary>
public sealed class StaffSession
{
    /// <summary>The public id: audit entries and logs name the session by it.</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the session key that the session's access tokens or cookie carry.</summary>
    public byte[] KeyHash { get; set; } = [];

    public Guid UserId { get; set; }

    /// <summary>The vendor of an agent or supervisor; requests get this, never what a token claims.</summary>
    public Guid? VendorId { get; set; }

    /// <summary>Role names separated by spaces; requests get these, never what a token claims.</summary>
    public string Roles { get; set; } = "";

    /// <summary><see cref="StaffSessionKinds.Bearer"/> (API tokens) or <see cref="StaffSessionKinds.Cookie"/> (pages).</summary>
    public string Kind { get; set; } = StaffSessionKinds.Bearer;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }

    /// <summary>Slides forward with use, never past <see cref="StaffSessionOptions.MaxLifetime"/> after creation.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>A code, e.g. <c>logout</c>, <c>password_changed</c>, <c>refresh_token_reused</c>.</summary>
    public string? RevokedReason { get; set; }

    /// <summary>SHA-256 of the one refresh token that may be used next; null for cookie sessions.</summary>
    public byte[]? RefreshTokenHash { get; set; }

    /// <summary>How many times the refresh token was rotated.</summary>
    public int RefreshCount { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
