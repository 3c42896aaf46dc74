namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// The token answer of <c>/api/v1/auth/login</c> and <c>/refresh</c> (the shape of Identity's bearer response).
/// The access token is a Data Protection ticket naming the session; the refresh token is a random value the
/// server knows only by its hash.
/// </summary>
public sealed record SessionTokens(string AccessToken, long ExpiresIn, string RefreshToken, string TokenType = "Bearer")
{
    public override string ToString() => "SessionTokens(…)";
}
