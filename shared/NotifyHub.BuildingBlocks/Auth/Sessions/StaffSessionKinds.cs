namespace NotifyHub.BuildingBlocks.Auth.Sessions;

public static class StaffSessionKinds
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
}
