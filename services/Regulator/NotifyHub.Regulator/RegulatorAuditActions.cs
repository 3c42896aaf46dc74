namespace NotifyHub.Regulator;

/// <summary>The privileged actions this module writes to the audit log.</summary>
public static class RegulatorAuditActions
{
    public const string AssessmentRecorded = "regulator.assessment.record";
    public const string ReportFiled = "regulator.report.file";
    public const string DraftRead = "regulator.draft.read";
}
