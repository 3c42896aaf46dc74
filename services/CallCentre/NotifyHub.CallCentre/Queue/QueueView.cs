namespace NotifyHub.CallCentre.Queue;

/// <summary>
/// A supervisor's view of their vendor's call centre: counts of today (UTC day), and callbacks due in the next 24 hours
/// or overdue.
/// </summary>
public sealed record QueueView(
    int OpenCases,
    int Waiting,
    int CallbacksDue,
    int CallbacksOverdue,
    int Escalations,
    IReadOnlyList<AgentActivity> Agents,
    int ExpectedCallsToday,
    int CallsToday);

public sealed record AgentActivity(Guid Id, int CasesToday, int ReadsToday, bool Blocked);
