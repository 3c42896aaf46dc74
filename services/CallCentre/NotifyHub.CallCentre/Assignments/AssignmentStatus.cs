namespace NotifyHub.CallCentre.Assignments;

public static class AssignmentStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Unassigned = "unassigned";
    public const string Revoked = "revoked";

    public static readonly string[] Active = [Running, Completed];
}
