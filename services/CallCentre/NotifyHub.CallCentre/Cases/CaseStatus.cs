using System.Text.Json.Serialization;

namespace NotifyHub.CallCentre.Cases;

public enum CaseStatus
{
    [JsonStringEnumMemberName("open")]
    Open = 1,

    [JsonStringEnumMemberName("closed")]
    Closed = 2,
}
