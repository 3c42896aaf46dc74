namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// A refresh token that was exchanged once and must never be again. Kept (hashed) so that a second use is
/// recognised as theft (the session it belongs to ends) rather than as an unknown string.
/// </summary>
public sealed class RetiredRefreshToken
{
    public byte[] Hash { get; set; } = [];

    public Guid SessionId { get; set; }

    public DateTimeOffset RetiredAt { get; set; }
}
