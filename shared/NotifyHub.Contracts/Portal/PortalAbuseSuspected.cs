namespace NotifyHub.Contracts.Portal;

/// <summary>
/// Failed portal checks across all codes jumped: <paramref name="Failures"/> in the <paramref name="Window"/> ending
/// at <paramref name="At"/>, against a threshold of <paramref name="Threshold"/>. Counts only, never a code or address.
/// </summary>
public sealed record PortalAbuseSuspected(int Failures, int Threshold, TimeSpan Window, DateTimeOffset At);
