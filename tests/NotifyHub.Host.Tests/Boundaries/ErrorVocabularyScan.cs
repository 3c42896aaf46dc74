using System.Text.RegularExpressions;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Finds code that picks an HTTP error status itself instead of naming a <c>ProblemKind</c>: a problem built with
/// <c>Results.Problem</c> or <c>TypedResults.Problem</c>, a <c>ProblemException</c> given a number, or a 4xx/5xx
/// <c>StatusCodes</c> constant. Pages may set a status on their own response (they render HTML, not problem+json).
/// </summary>
public static partial class ErrorVocabularyScan
{
    public static IReadOnlyList<string> StatusesChosenByHand(string source) =>
        HandPickedStatus().Matches(source).Select(m => m.Value.Trim()).ToList();

    [GeneratedRegex(@"\b(?:Typed)?Results\.Problem\(|new\s+ProblemException\(\s*\d|\bProblemException\(\s*\d|\bStatusCodes\.Status[45]\d\d\w*")]
    private static partial Regex HandPickedStatus();
}
