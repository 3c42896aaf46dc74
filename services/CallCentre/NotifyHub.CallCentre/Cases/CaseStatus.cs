namespace NotifyHub.CallCentre.Cases;

public static class CaseStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}
