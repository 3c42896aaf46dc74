namespace NotifyHub.BuildingBlocks.Auth.Sessions;

/// <summary>
/// What a presented refresh token names: the session whose current token it is, the session it was once issued to
/// (<see cref="Reused"/>: it was exchanged before, so someone else holds its successor), or nothing.
/// </summary>
public sealed record RefreshLookup(StaffSession? Session, bool Reused);
