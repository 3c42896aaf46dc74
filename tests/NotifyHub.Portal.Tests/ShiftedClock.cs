namespace NotifyHub.Portal.Tests;

/// <summary>
/// The real clock plus an offset the test moves forward: windows and session lifetimes pass at once, while timers
/// (the outbox dispatcher, the bus) keep running on real time, which a FakeTimeProvider would freeze in a live host.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return System.GetUtcNow() + _offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _offset += by;
        }
    }
}
