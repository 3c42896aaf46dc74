using NotifyHub.Regulator.Obligations;
using static NotifyHub.Regulator.Tests.Support.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

/// <summary>APPI Art. 26 / PPC Rules 7-8: four triggers, preliminary and final reports, days ending in Tokyo.</summary>
public sealed class Japan
{
    private static readonly DateTimeOffset Aware = Utc("2026-04-28T14:30:00Z"); // 23:30 on 28 April in Tokyo

    [Theory]
    [InlineData(1000, ObligationStatuses.NotRequired)]
    [InlineData(1001, ObligationStatuses.Due)]
    public void The_count_trigger_is_more_than_1000_people(long people, string status)
    {
        var obligations = Compute(Incident(Aware, ["JP"], new() { ["JP"] = people }));

        obligations.One("JP", "regulator-preliminary").Status.ShouldBe(status);
        obligations.One("JP", "regulator-final").Status.ShouldBe(status);
        obligations.One("JP", "individual-notice").Status.ShouldBe(status);
        if (status == ObligationStatuses.NotRequired)
        {
            obligations.One("JP", "regulator-final").Reason!.ShouldContain("more than 1,000");
        }
    }

    [Fact]
    public void Sensitive_data_triggers_a_report_for_a_single_person()
    {
        var obligations = Compute(Incident(Aware, ["JP"], new() { ["JP"] = 1 }, categories: ["name", "health"]));

        obligations.One("JP", "regulator-final").Status.ShouldBe(ObligationStatuses.Due);
        obligations.One("JP", "regulator-final").Reason!.ShouldContain("要配慮個人情報");
    }

    [Fact]
    public void The_final_report_is_due_at_the_end_of_the_30th_day_in_Tokyo_across_Golden_Week()
    {
        // Known at 23:30 JST on 28 April: day 30 is 28 May; Showa Day, Constitution Day and the other Golden Week
        // holidays and four weekends do not stop calendar days. Japan has no daylight saving: +09:00 throughout.
        var obligations = Compute(Incident(Aware, ["JP"], new() { ["JP"] = 5000 }));

        var final = obligations.One("JP", "regulator-final");
        final.DueAt.ShouldBe(Utc("2026-05-28T14:59:59Z"));
        final.DueAtLocal.ShouldBe("2026-05-28T23:59:59+09:00");
        final.Authority.ShouldContain("個人情報保護委員会");
        var preliminary = obligations.One("JP", "regulator-preliminary");
        preliminary.DueAtLocal.ShouldBe("2026-05-03T23:59:59+09:00");
        preliminary.Reason!.ShouldContain("internal target");
    }

    [Fact]
    public void Half_past_midnight_in_Tokyo_counts_from_the_next_day_although_it_is_the_same_day_in_London()
    {
        var final = Compute(Incident(Aware.AddHours(1), ["JP"], new() { ["JP"] = 5000 })).One("JP", "regulator-final");

        final.DueAtLocal.ShouldBe("2026-05-29T23:59:59+09:00");
    }

    [Fact]
    public void A_wrongful_purpose_gives_the_final_report_60_days()
    {
        var final = Compute(Incident(Aware, ["JP"], new() { ["JP"] = 10 }, cause: "malicious_attack")).One("JP", "regulator-final");

        final.Status.ShouldBe(ObligationStatuses.Due);
        final.DueAtLocal.ShouldBe("2026-06-27T23:59:59+09:00");
    }
}
