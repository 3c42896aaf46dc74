namespace NotifyHub.Console.Staff;

/// <summary>
/// The shape a staff email must have beyond "contains an @": a dotted domain of letter/digit/hyphen labels with no
/// empty label and no trailing dot, so look-alikes such as <c>admin@example.org.</c> or <c>x@y</c> are refused.
/// </summary>
public static class StaffEmail
{
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email != email.Trim())
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || email.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return false;
        }

        var local = email[..at];
        var labels = email[(at + 1)..].Split('.');
        return !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal) &&
            local.All(c => c > ' ' && c < 127 && c is not ('(' or ')' or '<' or '>' or ',' or ';' or ':' or '\\' or '"' or '[' or ']')) &&
            labels.Length >= 2 &&
            labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) &&
            labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }
}
