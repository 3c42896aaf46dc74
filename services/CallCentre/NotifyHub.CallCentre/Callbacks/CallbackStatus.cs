namespace NotifyHub.CallCentre.Callbacks;

public static class CallbackStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
}
