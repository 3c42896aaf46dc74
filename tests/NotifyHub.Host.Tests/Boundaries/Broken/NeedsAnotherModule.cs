using NotifyHub.Intake.Database;

namespace NotifyHub.Host.Tests.Boundaries.Broken;

/// <summary>A service that only works when intake happens to be loaded in the same process.</summary>
public sealed class NeedsAnotherModule(IntakeDbContext intake)
{
    public IntakeDbContext Intake { get; } = intake;
}
