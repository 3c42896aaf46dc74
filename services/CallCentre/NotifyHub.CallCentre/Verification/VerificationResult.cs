using System.Text.Json.Serialization;

namespace NotifyHub.CallCentre.Verification;

/// <summary><c>{verified: true, caseId}</c> or <c>{verified: false}</c>, whatever did not match.</summary>
public sealed record VerificationResult(
    bool Verified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? CaseId)
{
    public static readonly VerificationResult NoMatch = new(false, null);
}
