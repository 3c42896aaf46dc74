using NotifyHub.Regulator.Obligations;
using static NotifyHub.Regulator.Tests.Support.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

/// <summary>Australia, New Zealand and Singapore.</summary>
public sealed class AsiaPacific
{
    [Fact]
    public void Australia_assessment_ends_30_days_on_across_Easter_and_the_end_of_daylight_saving()
    {
        // 11:00 AEDT on 20 March; daylight saving ends 5 April; Good Friday to Easter Monday in between.
        var aware = Utc("2026-03-20T00:00:00Z");
        var obligations = Compute(Incident(aware, ["AU"], new() { ["AU"] = 3000 }));

        var assessment = obligations.One("AU", "risk-assessment");
        assessment.DueAtLocal.ShouldBe("2026-04-19T23:59:59+10:00");
        assessment.DueAt.ShouldBe(Utc("2026-04-19T13:59:59Z"));
        obligations.One("AU", "regulator-notice").Status.ShouldBe(ObligationStatuses.NeedsAssessment);
    }

    [Fact]
    public void Australia_statement_follows_a_serious_harm_finding_as_soon_as_practicable()
    {
        var aware = Utc("2026-03-20T00:00:00Z");
        var obligations = Compute(Incident(aware, ["AU"], assessments: new() { ["AU"] = new("likely", aware.AddDays(4), "Licence numbers exposed.") }));

        obligations.One("AU", "risk-assessment").Status.ShouldBe(ObligationStatuses.Filed);
        var statement = obligations.One("AU", "regulator-notice");
        statement.Status.ShouldBe(ObligationStatuses.Due);
        statement.DueAt.ShouldBeNull();
        statement.Reason!.ShouldContain("as soon as practicable");
    }

    [Fact]
    public void New_Zealand_target_is_72_hours_through_Good_Friday_Easter_Monday_and_the_end_of_daylight_saving()
    {
        // 13:00 NZDT on Good Friday 3 April 2026; NZ clocks go back on Sunday 5 April.
        var aware = Utc("2026-04-03T00:00:00Z");
        var notice = Compute(Incident(aware, ["NZ"], assessments: new() { ["NZ"] = new("likely", aware, "Passports.") })).One("NZ", "regulator-notice");

        notice.DueAt.ShouldBe(Utc("2026-04-06T00:00:00Z"));
        notice.DueAtLocal.ShouldBe("2026-04-06T12:00:00+12:00");
        notice.Reason!.ShouldContain("internal target");
    }

    [Theory]
    [InlineData(499, ObligationStatuses.NotRequired)]
    [InlineData(500, ObligationStatuses.Due)]
    public void Singapore_notifies_at_500_people_even_when_harm_is_unlikely(long people, string status)
    {
        // Assessment made Friday 30 October 18:00 SGT: three calendar days after that day is Monday 2 November.
        var assessed = Utc("2026-10-30T10:00:00Z");
        var facts = Incident(assessed.AddDays(-3), ["SG"], new() { ["SG"] = people },
            assessments: new() { ["SG"] = new("unlikely", assessed, "No sensitive data.") });

        var notice = Compute(facts, assessed).One("SG", "regulator-notice");

        notice.Status.ShouldBe(status);
        notice.Clock.ShouldBe("assessment");
        notice.DueAtLocal.ShouldBe("2026-11-02T23:59:59+08:00");
        Compute(facts, assessed).One("SG", "individual-notice").Status.ShouldBe(ObligationStatuses.NotRequired);
    }

    [Fact]
    public void Singapore_deadline_waits_for_the_assessment()
    {
        var aware = Utc("2026-10-20T10:00:00Z");
        var obligations = Compute(Incident(aware, ["SG"], new() { ["SG"] = 499 }));

        obligations.One("SG", "regulator-notice").Status.ShouldBe(ObligationStatuses.NeedsAssessment);
        obligations.One("SG", "regulator-notice").DueAt.ShouldBeNull();
        obligations.One("SG", "regulator-notice").Reason!.ShouldContain("runs from assessment");
        obligations.One("SG", "risk-assessment").DueAtLocal.ShouldBe("2026-11-19T23:59:59+08:00");
    }
}
