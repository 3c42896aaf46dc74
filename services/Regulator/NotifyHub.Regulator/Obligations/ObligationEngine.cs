using NotifyHub.Regulator.Calendars;
using NotifyHub.Regulator.Rules;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Regulator.Obligations;

/// <summary>
/// Computes an incident's obligations from its facts and the rule book. Pure and cheap (it reads counts, never people),
/// so obligations are recomputed from the current facts on every read and every change: nothing goes stale.
/// </summary>
public sealed class ObligationEngine(RuleBook rules)
{
    public IReadOnlyList<Obligation> Compute(IncidentFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var obligations = new List<Obligation>();
        foreach (var file in rules.Files)
        {
            if (file.OnlyForDataCategories.Count > 0 && !file.OnlyForDataCategories.Intersect(facts.DataCategories).Any())
            {
                continue;
            }

            if (file.InForceDate is { } inForce && DateOnly.FromDateTime(facts.Awareness.UtcDateTime) < inForce)
            {
                continue;
            }

            foreach (var scope in Scopes(file, facts))
            {
                foreach (var rule in file.Obligations)
                {
                    obligations.Add(Evaluate(file, rule, scope, facts, now));
                }
            }
        }

        return obligations;
    }

    /// <summary>The deterministic id of an obligation, so filings and reminders survive recomputation.</summary>
    public static Guid IdFor(Guid incidentId, string jurisdiction, string ruleFile, string ruleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{incidentId:N}|{jurisdiction}|{ruleFile}|{ruleId}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50); // version 5-style (name-based)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16));
    }

    private sealed record Scope(string Jurisdiction, string Authority, string TimeZone, string Language, JurisdictionView View);

    private static IEnumerable<Scope> Scopes(RuleFile file, IncidentFacts facts)
    {
        if (file.MemberStates is { } states)
        {
            foreach (var (code, state) in states.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (Touches(facts, code))
                {
                    var jurisdiction = $"{file.Jurisdiction}-{code}";
                    yield return new Scope(jurisdiction, state.Authority, state.TimeZone, state.Language,
                        View(facts, jurisdiction, [code]));
                }
            }

            yield break;
        }

        if (file.AppliesTo.Any(code => Touches(facts, code)))
        {
            yield return new Scope(file.Jurisdiction, file.Authority, file.TimeZone, file.Language, View(facts, file.Jurisdiction, file.AppliesTo));
        }
    }

    private static bool Touches(IncidentFacts facts, string code) =>
        facts.Jurisdictions.Any(j => Covers(code, j)) || facts.Affected.Any(a => a.Value > 0 && Covers(code, a.Key));

    /// <summary><c>US</c> covers <c>US</c> and every <c>US-XX</c>; <c>US-TX</c> covers only itself.</summary>
    private static bool Covers(string code, string candidate) =>
        string.Equals(code, candidate, StringComparison.OrdinalIgnoreCase)
        || (code.Length == 2 && candidate.Length > 3 && candidate[2] == '-' && candidate.StartsWith(code, StringComparison.OrdinalIgnoreCase));

    private static JurisdictionView View(IncidentFacts facts, string jurisdiction, IReadOnlyList<string> codes)
    {
        long total = 0, largestState = 0;
        foreach (var (key, count) in facts.Affected)
        {
            if (codes.Any(c => Covers(c, key)))
            {
                total += count;
            }

            if (key.StartsWith("US-", StringComparison.Ordinal) && codes.Any(c => Covers(c, key)))
            {
                largestState = Math.Max(largestState, count);
            }
        }

        return new JurisdictionView(jurisdiction, total, largestState, facts.Assessments.GetValueOrDefault(jurisdiction));
    }

    private Obligation Evaluate(RuleFile file, ObligationRule rule, Scope scope, IncidentFacts facts, DateTimeOffset now)
    {
        var id = IdFor(facts.IncidentId, scope.Jurisdiction, file.FileName, rule.Id);
        var condition = ConditionCheck.Evaluate(rule.When, facts, scope.View);
        var zone = rules.Zone(scope.TimeZone);
        var (dueAt, clockNote) = Due(file, rule, scope, facts, zone);
        var status = Status(rule, scope, facts, id, condition, dueAt, now, out var filedNote);
        var reason = string.Join("; ", new[]
        {
            filedNote,
            condition.Reason,
            rule.Deadline.Text,
            rule.Deadline.Target && dueAt is not null ? "the date is an internal target, not a period set by law" : null,
            clockNote,
        }.Where(s => !string.IsNullOrEmpty(s)));
        var authority = rule.Recipient is { } recipient ? $"{recipient} ({scope.Authority})" : scope.Authority;
        return new Obligation(id, scope.Jurisdiction, authority, rule.Kind, status, dueAt,
            dueAt is { } d ? Deadline.Local(d, zone) : null, scope.TimeZone, rule.Deadline.From, $"{file.FileName}#{rule.Id}: {rule.Source}",
            reason.Length > 0 ? reason : null, scope.View.Affected)
        {
            Language = scope.Language,
            RuleFile = file.FileName,
            RuleId = rule.Id,
            IncidentId = facts.IncidentId,
            Warnings = rule.NoticeMustNotState.Count == 0 ? [] : Letters.NoticeCheck.Warnings(rule.NoticeMustNotState, facts, scope.View.Affected),
        };
    }

    private static string Status(ObligationRule rule, Scope scope, IncidentFacts facts, Guid id, ConditionResult condition,
        DateTimeOffset? dueAt, DateTimeOffset now, out string? filedNote)
    {
        filedNote = null;
        if (facts.Filings.TryGetValue(id, out var filedAt))
        {
            filedNote = $"filed {filedAt:yyyy-MM-dd HH:mm} UTC";
            return ObligationStatuses.Filed;
        }

        if (rule.Kind == ObligationKinds.RiskAssessment && scope.View.Assessment is { } done)
        {
            filedNote = $"assessment completed {done.CompletedAt:yyyy-MM-dd HH:mm} UTC";
            return ObligationStatuses.Filed;
        }

        return condition.Outcome switch
        {
            ConditionOutcome.NotMet => ObligationStatuses.NotRequired,
            _ when dueAt is { } due && due < now => ObligationStatuses.Overdue,
            ConditionOutcome.NeedsAssessment => ObligationStatuses.NeedsAssessment,
            _ => ObligationStatuses.Due,
        };
    }

    private (DateTimeOffset? DueAt, string? Note) Due(RuleFile file, ObligationRule rule, Scope scope, IncidentFacts facts, TimeZoneInfo zone)
    {
        var deadline = rule.Deadline;
        var start = Clock(deadline.From, file, rule, scope, facts, zone);
        if (start is null)
        {
            return (null, $"the deadline runs from {deadline.From}, not recorded yet");
        }

        if (deadline.Within is not { } within)
        {
            return (null, null);
        }

        string? note = null;
        if (deadline.Instead is { } instead && ConditionCheck.Evaluate(instead.When, facts, scope.View).Outcome == ConditionOutcome.Met)
        {
            within = instead.Within;
            note = $"{within} {deadline.Unit} ({instead.Source})";
        }

        return (Deadline.Compute(start.Value, within, deadline.Unit!, zone, rules.Calendar(file)), note);
    }

    private static DateTimeOffset? Clock(string clock, RuleFile file, ObligationRule rule, Scope scope, IncidentFacts facts, TimeZoneInfo zone)
    {
        switch (clock)
        {
            case Clocks.Awareness:
                return facts.Awareness;
            case Clocks.Determination:
                return facts.DeterminedAt;
            case Clocks.Discovery:
                return facts.DiscoveredAt;
            case Clocks.Assessment:
                return scope.View.Assessment?.CompletedAt;
            case Clocks.EndOfDiscoveryYear:
                return Deadline.EndOfDay(new DateOnly(Deadline.LocalDay(facts.DiscoveredAt, zone).Year, 12, 31), zone);
        }

        // filed:<kind>: the filing of the same jurisdiction's obligation of that kind (e.g. the consumers' notice).
        var kind = clock[Clocks.FiledPrefix.Length..];
        foreach (var other in file.Obligations.Where(o => o.Kind == kind && o.Id != rule.Id))
        {
            if (facts.Filings.TryGetValue(IdFor(facts.IncidentId, scope.Jurisdiction, file.FileName, other.Id), out var filedAt))
            {
                return filedAt;
            }
        }

        return null;
    }
}
