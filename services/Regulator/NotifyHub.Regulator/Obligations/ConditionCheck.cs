using NotifyHub.Regulator.Rules;

namespace NotifyHub.Regulator.Obligations;

/// <summary>Whether a condition holds for one jurisdiction of an incident, and the words saying why.</summary>
internal readonly record struct ConditionResult(ConditionOutcome Outcome, string Reason);

internal enum ConditionOutcome
{
    Met,
    NotMet,
    NeedsAssessment,
}

/// <summary>The view of an incident from one jurisdiction: its count, largest state and assessment.</summary>
internal sealed record JurisdictionView(string Code, long Affected, long LargestState, AssessmentFact? Assessment);

internal static class ConditionCheck
{
    public static ConditionResult Evaluate(Condition? condition, IncidentFacts facts, JurisdictionView view)
    {
        if (condition is null)
        {
            return new(ConditionOutcome.Met, "");
        }

        var parts = new List<ConditionResult>();
        if (condition.Harm is { } harm)
        {
            parts.Add(Harm(harm, view.Assessment));
        }

        if (condition.Affected is { } affected)
        {
            parts.Add(Count(affected, view.Affected, $"{view.Affected:N0} affected in {view.Code}"));
        }

        if (condition.AffectedInOneState is { } inOneState)
        {
            parts.Add(Count(inOneState, view.LargestState, $"{view.LargestState:N0} affected in the most affected state"));
        }

        if (condition.DataCategories is { } categories)
        {
            var hit = categories.Intersect(facts.DataCategories).ToList();
            parts.Add(hit.Count > 0
                ? new(ConditionOutcome.Met, Noted(condition, $"involves {string.Join(", ", hit)}"))
                : new(ConditionOutcome.NotMet, $"no {string.Join("/", categories)} data"));
        }

        if (condition.Causes is { } causes)
        {
            parts.Add(causes.Contains(facts.Cause)
                ? new(ConditionOutcome.Met, Noted(condition, $"cause {facts.Cause}"))
                : new(ConditionOutcome.NotMet, $"cause {facts.Cause} is not {string.Join("/", causes)}"));
        }

        if (condition.AnyOf is { } anyOf)
        {
            var results = anyOf.Select(c => Evaluate(c, facts, view)).ToList();
            var met = results.Where(r => r.Outcome == ConditionOutcome.Met).ToList();
            parts.Add(met.Count > 0
                ? new(ConditionOutcome.Met, string.Join("; ", met.Select(r => r.Reason)))
                : results.Any(r => r.Outcome == ConditionOutcome.NeedsAssessment)
                    ? new(ConditionOutcome.NeedsAssessment, string.Join("; ", results.Select(r => r.Reason)))
                    : new(ConditionOutcome.NotMet, "none applies: " + string.Join("; ", results.Select(r => r.Reason))));
        }

        return Combine(parts);
    }

    private static ConditionResult Combine(List<ConditionResult> parts)
    {
        var notMet = parts.Where(p => p.Outcome == ConditionOutcome.NotMet).ToList();
        if (notMet.Count > 0)
        {
            return new(ConditionOutcome.NotMet, string.Join("; ", notMet.Select(p => p.Reason)));
        }

        var reason = string.Join("; ", parts.Select(p => p.Reason).Where(r => r.Length > 0));
        return parts.Any(p => p.Outcome == ConditionOutcome.NeedsAssessment)
            ? new(ConditionOutcome.NeedsAssessment, reason)
            : new(ConditionOutcome.Met, reason);
    }

    private static ConditionResult Harm(string mode, AssessmentFact? assessment)
    {
        var when = assessment is null ? "" : $"risk assessment of {assessment.CompletedAt:yyyy-MM-dd}: harm {assessment.Harm}";
        return (mode, assessment?.Harm) switch
        {
            (_, "unlikely") => new(ConditionOutcome.NotMet, when),
            (_, "likely") => new(ConditionOutcome.Met, when),
            ("unless-unlikely", _) => new(ConditionOutcome.Met, "required unless a risk assessment finds harm unlikely"),
            _ => new(ConditionOutcome.NeedsAssessment, "no risk assessment recorded for this jurisdiction yet"),
        };
    }

    private static ConditionResult Count(Threshold threshold, long count, string what) =>
        threshold.Holds(count)
            ? new(ConditionOutcome.Met, $"{what} ({threshold})")
            : new(ConditionOutcome.NotMet, $"{what}; the rule applies to {threshold}");

    private static string Noted(Condition condition, string reason) => condition.Note is { } note ? $"{note}: {reason}" : reason;
}
