namespace NotifyHub.Regulator.Rules;

/// <summary>A rule file that cannot be used. The message is one line naming the file and the field.</summary>
public sealed class RuleFileException(string file, string field, string problem)
    : Exception($"Rule file {file}: field '{field}' {problem}")
{
    public string File { get; } = file;

    public string Field { get; } = field;
}
