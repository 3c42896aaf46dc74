using System.Text.Json.Serialization;

namespace NotifyHub.CallCentre.Callbacks;

public enum CallbackStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending = 1,

    [JsonStringEnumMemberName("done")]
    Done = 2,
}
