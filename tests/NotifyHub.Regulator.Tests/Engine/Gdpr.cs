using NotifyHub.Regulator.Obligations;
using static NotifyHub.Regulator.Tests.Support.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

/// <summary>GDPR Art. 33/34: 72 elapsed hours from awareness, per member state's authority.</summary>
public sealed class Gdpr
{
    [Fact]
    public void Cnil_notice_is_due_72_elapsed_hours_after_awareness_across_a_weekend_and_the_spring_clock_change()
    {
        // Friday 11:00 in Paris; clocks go forward on Sunday 29 March 2026: 72 hours later is Monday 12:00 local.
        var aware = Utc("2026-03-27T10:00:00Z");

        var notice = Compute(Incident(aware, ["FR"], new() { ["FR"] = 1200 })).One("EU-FR", "regulator-notice");

        notice.Authority.ShouldContain("CNIL");
        notice.Status.ShouldBe(ObligationStatuses.Due);
        notice.DueAt.ShouldBe(Utc("2026-03-30T10:00:00Z"));
        notice.DueAtLocal.ShouldBe("2026-03-30T12:00:00+02:00");
        notice.TimeZone.ShouldBe("Europe/Paris");
        notice.Clock.ShouldBe("awareness");
        notice.Rule.ShouldContain("GDPR Art. 33(1)");
        notice.Affected.ShouldBe(1200);
    }

    [Fact]
    public void Hours_run_through_a_public_holiday()
    {
        // Saturday before Easter Monday (6 April 2026, a French public holiday): the holiday does not stop the clock.
        var notice = Compute(Incident(Utc("2026-04-04T08:00:00Z"), ["FR"])).One("EU-FR", "regulator-notice");

        notice.DueAt.ShouldBe(Utc("2026-04-07T08:00:00Z"));
        notice.DueAtLocal.ShouldBe("2026-04-07T10:00:00+02:00");
    }

    [Fact]
    public void A_controller_outside_the_EU_notifies_every_member_state_where_affected_people_live()
    {
        var obligations = Compute(Incident(Utc("2026-03-27T10:00:00Z"), ["JP"], new() { ["FR"] = 10, ["DE"] = 5, ["JP"] = 3 }));

        obligations.Where(o => o.Kind == "regulator-notice" && o.Jurisdiction.StartsWith("EU-", StringComparison.Ordinal))
            .Select(o => o.Jurisdiction).Order().ShouldBe(["EU-DE", "EU-FR"]);
        obligations.One("EU-DE", "regulator-notice").TimeZone.ShouldBe("Europe/Berlin");
        obligations.One("EU-DE", "regulator-notice").Affected.ShouldBe(5);
    }

    [Fact]
    public void Individuals_need_an_assessment_and_an_unlikely_harm_finding_takes_both_notices_out()
    {
        var aware = Utc("2026-03-27T10:00:00Z");
        var before = Compute(Incident(aware, ["FR"]));
        var unlikely = Compute(Incident(aware, ["FR"], assessments: new() { ["EU-FR"] = new("unlikely", aware.AddHours(5), "Encrypted laptop, key safe.") }));
        var likely = Compute(Incident(aware, ["FR"], assessments: new() { ["EU-FR"] = new("likely", aware.AddHours(5), "Card data exposed.") }));

        before.One("EU-FR", "individual-notice").Status.ShouldBe(ObligationStatuses.NeedsAssessment);
        before.One("EU-FR", "regulator-notice").Status.ShouldBe(ObligationStatuses.Due);
        unlikely.One("EU-FR", "regulator-notice").Status.ShouldBe(ObligationStatuses.NotRequired);
        unlikely.One("EU-FR", "regulator-notice").Reason!.ShouldContain("harm unlikely");
        unlikely.One("EU-FR", "individual-notice").Status.ShouldBe(ObligationStatuses.NotRequired);
        likely.One("EU-FR", "individual-notice").Status.ShouldBe(ObligationStatuses.Due);
    }

    [Fact]
    public void An_unfiled_notice_past_its_deadline_is_overdue_and_a_filed_one_is_filed()
    {
        var aware = Utc("2026-03-27T10:00:00Z");
        var facts = Incident(aware, ["FR"]);
        var id = Compute(facts).One("EU-FR", "regulator-notice").Id;

        Compute(facts, aware.AddHours(73)).One("EU-FR", "regulator-notice").Status.ShouldBe(ObligationStatuses.Overdue);
        Compute(facts with { Filings = new Dictionary<Guid, DateTimeOffset> { [id] = aware.AddHours(70) } }, aware.AddHours(73))
            .One("EU-FR", "regulator-notice").Status.ShouldBe(ObligationStatuses.Filed);
    }
}
