using System.ComponentModel.DataAnnotations;

namespace NotifyHub.CallCentre;

/// <summary>Call-centre settings (<c>NotifyHub:CallCentre</c>).</summary>
public sealed class CallCentreOptions
{
    public const string Section = "NotifyHub:CallCentre";

    /// <summary>Failed verifications one agent may make in <see cref="VerificationWindow"/>; one more blocks them.</summary>
    [Range(1, 10_000)]
    public int MaxFailedVerifications { get; set; } = 20;

    public TimeSpan VerificationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Calls expected per 100 notices sent, for the supervisor's forecast.</summary>
    [Range(0, 100)]
    public double CallsPer100Notices { get; set; } = 5;

    /// <summary>How often closed incidents past retention are purged.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
