using System.Diagnostics;

namespace NotifyHub.Benchmarks.CallCentre;

/// <summary>
/// Calls at a set rate instead of back to back: call n of the run is due <c>n / rate</c> seconds after the start, and
/// agent <c>n % agents</c> takes it. With no rate every agent starts its next call as soon as its last one ends (the
/// saturation run). A late call's lateness is counted in its first step's time, so a slow service cannot hide its
/// delay by holding back the next call (coordinated omission). The run's clock starts when the pace is made: make it
/// once the agents are ready.
/// </summary>
internal sealed class LoopPace(double? callsPerSecond, int agents)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Describe() => callsPerSecond is { } rate ? $"{rate:0.#} calls a second in all" : "back to back";

    /// <summary>Waits until the agent's next call is due; returns how late it starts (zero when on time or unpaced).</summary>
    public async Task<TimeSpan> WaitTurnAsync(int agent, int turn)
    {
        if (callsPerSecond is not { } rate)
        {
            return TimeSpan.Zero;
        }

        var due = TimeSpan.FromSeconds(((double)turn * agents + agent) / rate);
        var wait = due - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
            return TimeSpan.Zero;
        }

        return -wait;
    }
}
