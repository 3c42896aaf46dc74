using NotifyHub.Regulator.Obligations;
using static NotifyHub.Regulator.Tests.Support.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

/// <summary>Canada, the US states, HIPAA and Brazil.</summary>
public sealed class Americas
{
    [Fact]
    public void Canada_reports_a_real_risk_of_significant_harm_as_soon_as_feasible_after_determination()
    {
        var aware = Utc("2026-06-01T14:00:00Z");
        var before = Compute(Incident(aware, ["CA"], new() { ["CA"] = 40 }));
        var likely = Compute(Incident(aware, ["CA"], new() { ["CA"] = 40 }, assessments: new() { ["CA"] = new("likely", aware, "RROSH: SIN exposed.") }));

        before.One("CA", "regulator-notice").Status.ShouldBe(ObligationStatuses.NeedsAssessment);
        var report = likely.One("CA", "regulator-notice");
        report.Status.ShouldBe(ObligationStatuses.Due);
        report.Clock.ShouldBe("determination");
        report.DueAt.ShouldBeNull();
        report.Reason!.ShouldContain("as soon as feasible");
    }

    [Theory]
    [InlineData(500, ObligationStatuses.NotRequired)]
    [InlineData(501, ObligationStatuses.Due)]
    public void California_sends_the_Attorney_General_a_sample_above_500_residents(long residents, string status)
    {
        var obligations = Compute(Incident(Utc("2026-10-20T17:00:00Z"), ["US"], new() { ["US-CA"] = residents }));

        obligations.One("US-CA", "attorney-general-notice").Status.ShouldBe(status);
        obligations.One("US-CA", "attorney-general-notice").Affected.ShouldBe(residents);
    }

    [Fact]
    public void California_residents_within_30_days_across_the_autumn_clock_change_and_Veterans_Day_then_the_sample_15_days_after()
    {
        var discovered = Utc("2026-10-20T17:00:00Z"); // 10:00 PDT; clocks go back 1 November; Veterans Day 11 November
        var facts = Incident(discovered, ["US-CA"], new() { ["US-CA"] = 800 });
        var obligations = Compute(facts);
        var residents = obligations.One("US-CA", "individual-notice");

        residents.DueAtLocal.ShouldBe("2026-11-19T23:59:59-08:00");
        residents.DueAt.ShouldBe(Utc("2026-11-20T07:59:59Z"));
        obligations.One("US-CA", "attorney-general-notice").DueAt.ShouldBeNull();

        var afterNotice = Compute(facts with { Filings = new Dictionary<Guid, DateTimeOffset> { [residents.Id] = Utc("2026-11-10T18:00:00Z") } });

        afterNotice.One("US-CA", "individual-notice").Status.ShouldBe(ObligationStatuses.Filed);
        afterNotice.One("US-CA", "attorney-general-notice").DueAtLocal.ShouldBe("2026-11-25T23:59:59-08:00");
    }

    [Theory]
    [InlineData(249, ObligationStatuses.NotRequired)]
    [InlineData(250, ObligationStatuses.Due)]
    public void Texas_notifies_the_Attorney_General_from_250_residents(long residents, string status)
    {
        var obligations = Compute(Incident(Utc("2026-02-27T15:00:00Z"), ["US-TX"], new() { ["US-TX"] = residents }));

        obligations.One("US-TX", "attorney-general-notice").Status.ShouldBe(status);
        obligations.One("US-TX", "credit-agencies-notice").Status.ShouldBe(ObligationStatuses.NotRequired);
    }

    [Fact]
    public void Texas_days_run_from_determination_across_the_spring_clock_change_and_Texas_Independence_Day()
    {
        // Determined Friday 27 February 09:00 CST; 2 March is Texas Independence Day; clocks go forward 8 March.
        var aware = Utc("2026-02-20T15:00:00Z");
        var obligations = Compute(Incident(aware, ["US-TX"], new() { ["US-TX"] = 20000 }, determined: Utc("2026-02-27T15:00:00Z")));

        var ag = obligations.One("US-TX", "attorney-general-notice");
        ag.Clock.ShouldBe("determination");
        ag.DueAtLocal.ShouldBe("2026-03-29T23:59:59-05:00");
        ag.DueAt.ShouldBe(Utc("2026-03-30T04:59:59Z"));
        obligations.One("US-TX", "individual-notice").DueAtLocal.ShouldBe("2026-04-28T23:59:59-05:00");
        obligations.One("US-TX", "credit-agencies-notice").Status.ShouldBe(ObligationStatuses.Due);
    }

    [Theory]
    [InlineData(5000, ObligationStatuses.NotRequired)]
    [InlineData(5001, ObligationStatuses.Due)]
    public void New_York_tells_the_credit_agencies_above_5000_residents_and_residents_within_30_days(long residents, string status)
    {
        // Discovered Friday 27 February; New York clocks go forward 8 March; Presidents' Day already passed.
        var obligations = Compute(Incident(Utc("2026-02-27T20:00:00Z"), ["US-NY"], new() { ["US-NY"] = residents }));

        obligations.One("US-NY", "credit-agencies-notice").Status.ShouldBe(status);
        obligations.One("US-NY", "individual-notice").DueAtLocal.ShouldBe("2026-03-29T23:59:59-04:00");
        obligations.One("US-NY", "attorney-general-notice").Authority.ShouldContain("State Police");
    }

    [Fact]
    public void Massachusetts_tells_the_Attorney_General_and_OCABR_separately_and_forbids_counts_in_the_residents_notice()
    {
        var obligations = Compute(Incident(Utc("2026-02-27T20:00:00Z"), ["US-MA"], new() { ["US-MA"] = 12 }));

        obligations.One("US-MA", "attorney-general-notice").Status.ShouldBe(ObligationStatuses.Due);
        obligations.One("US-MA", "regulator-notice").Authority.ShouldContain("OCABR");
        obligations.One("US-MA", "individual-notice").Reason!.ShouldContain("must not state the nature of the breach nor the number");
    }

    [Fact]
    public void Hipaa_applies_only_to_health_data_and_counts_the_media_threshold_per_state()
    {
        var discovered = Utc("2026-05-10T16:00:00Z");
        var counts = new Dictionary<string, long> { ["US-TX"] = 501, ["US-CA"] = 10 };
        var health = Compute(Incident(discovered, ["US"], counts, categories: ["name", "health"]));
        var noHealth = Compute(Incident(discovered, ["US"], counts));
        var smallState = Compute(Incident(discovered, ["US"], new() { ["US-TX"] = 300, ["US-CA"] = 300 }, categories: ["health"]));

        noHealth.ShouldNotContain(o => o.Jurisdiction == "US");
        health.One("US", "media-notice").Status.ShouldBe(ObligationStatuses.Due);
        health.Single(o => o.Jurisdiction == "US" && o.Rule.Contains("hhs-notice", StringComparison.Ordinal)).Status.ShouldBe(ObligationStatuses.Due);
        health.One("US", "individual-notice").DueAtLocal.ShouldBe("2026-07-09T23:59:59-04:00");
        smallState.One("US", "media-notice").Status.ShouldBe(ObligationStatuses.NotRequired);
    }

    [Theory]
    [InlineData("2026-05-10T16:00:00Z", "2027-03-01T23:59:59-05:00")]
    [InlineData("2027-05-10T16:00:00Z", "2028-02-29T23:59:59-05:00")]
    public void Hipaa_small_breaches_are_logged_within_60_days_after_the_end_of_the_year_leap_years_included(string discovered, string due)
    {
        var log = Compute(Incident(Utc(discovered), ["US-NY"], new() { ["US-NY"] = 120 }, categories: ["health"]))
            .Single(o => o.Jurisdiction == "US" && o.Rule.Contains("hhs-annual-log", StringComparison.Ordinal));

        log.Status.ShouldBe(ObligationStatuses.Due);
        log.DueAtLocal.ShouldBe(due);
    }

    [Fact]
    public void Brazil_counts_three_working_days_skipping_the_weekend_and_Tiradentes()
    {
        // Thursday 16 April 12:00 in Brasília: Friday 17, Monday 20, (Tuesday 21 Tiradentes), Wednesday 22.
        var aware = Utc("2026-04-16T15:00:00Z");
        var notice = Compute(Incident(aware, ["BR"], assessments: new() { ["BR"] = new("likely", aware, "CPF numbers exposed.") })).One("BR", "regulator-notice");

        notice.DueAtLocal.ShouldBe("2026-04-22T23:59:59-03:00");
        notice.DueAt.ShouldBe(Utc("2026-04-23T02:59:59Z"));
    }

    [Fact]
    public void Brazil_skips_Black_Consciousness_Day_from_the_rule_file_and_keeps_minus_three_hours_in_November_without_daylight_saving()
    {
        var aware = Utc("2026-11-18T15:00:00Z"); // Wednesday; Friday 20 November is a national holiday
        var notice = Compute(Incident(aware, ["BR"], assessments: new() { ["BR"] = new("likely", aware, "Health data.") })).One("BR", "individual-notice");

        notice.DueAtLocal.ShouldBe("2026-11-24T23:59:59-03:00");
    }

    [Fact]
    public void Brazil_complement_runs_20_working_days_from_the_filed_communication()
    {
        var aware = Utc("2026-04-16T15:00:00Z");
        var facts = Incident(aware, ["BR"], assessments: new() { ["BR"] = new("likely", aware, "CPF numbers exposed.") });
        var communication = Compute(facts).One("BR", "regulator-notice");

        var complement = Compute(facts with { Filings = new Dictionary<Guid, DateTimeOffset> { [communication.Id] = Utc("2026-04-20T15:00:00Z") } })
            .One("BR", "regulator-final");

        // From Monday 20 April: 21 April (Tiradentes) and 1 May (Labour Day) skipped, plus the weekends.
        complement.DueAtLocal.ShouldBe("2026-05-20T23:59:59-03:00");
    }
}
