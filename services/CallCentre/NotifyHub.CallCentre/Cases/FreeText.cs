using NotifyHub.CallCentre.Support;

namespace NotifyHub.CallCentre.Cases;

/// <summary>Checks the free text agents type (notes, reasons): present, not too long, and no personal data in it.</summary>
internal static class FreeText
{
    public static string Check(string? text, string what, int maxLength)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw Problems.Invalid($"{what}_empty", $"The {what} is empty.");
        }

        if (trimmed.Length > maxLength)
        {
            throw Problems.Invalid($"{what}_too_long", $"The {what} has {trimmed.Length} characters; at most {maxLength} are kept.");
        }

        return PersonalDataDetector.LooksPersonal(trimmed) ? throw Problems.PersonalData(what) : trimmed;
    }
}
