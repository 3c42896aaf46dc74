using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.CallCentre.Support;

/// <summary>The call centre's problem codes, in one place so the API and its README agree.</summary>
internal static class Problems
{
    /// <summary>A case of another vendor is answered exactly like one that does not exist: no probing across vendors.</summary>
    public static ProblemException CaseNotFound(Guid id) => ProblemException.NotFound("Case", id);

    public static ProblemException Blocked() => new(ProblemKind.Locked, "agent_blocked", "Blocked",
        "This account is blocked for suspected abuse; a supervisor of the same vendor or an admin must unblock it.");

    public static ProblemException Invalid(string code, string detail) => ProblemException.Invalid(code, detail);

    public static ProblemException PersonalData(string what) => new(ProblemKind.RuleBroken, "personal_data_in_note", "Personal data in free text",
        $"The {what} looks like it holds personal data (an email address, phone number, date, card or account number, or reference code). Describe the call without it.");

    public static ProblemException CaseClosed(Guid id) => ProblemException.Conflict("case_closed", $"Case {id} is closed.");
}
