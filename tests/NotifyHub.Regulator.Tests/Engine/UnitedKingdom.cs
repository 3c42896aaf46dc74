using NotifyHub.Regulator.Obligations;
using static NotifyHub.Regulator.Tests.Support.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

public sealed class UnitedKingdom
{
    [Fact]
    public void Ico_notice_runs_72_hours_through_Good_Friday_and_the_Easter_weekend()
    {
        var notice = Compute(Incident(Utc("2026-04-02T12:00:00Z"), ["GB"])).One("GB", "regulator-notice");

        notice.Authority.ShouldContain("ICO");
        notice.DueAt.ShouldBe(Utc("2026-04-05T12:00:00Z"));
        notice.DueAtLocal.ShouldBe("2026-04-05T13:00:00+01:00");
    }

    [Fact]
    public void Ico_notice_across_the_clock_change_is_72_elapsed_hours_not_72_clock_hours()
    {
        var notice = Compute(Incident(Utc("2026-03-27T10:00:00Z"), ["GB"])).One("GB", "regulator-notice");

        notice.DueAt.ShouldBe(Utc("2026-03-30T10:00:00Z"));
        notice.DueAtLocal.ShouldBe("2026-03-30T11:00:00+01:00");
        notice.Status.ShouldBe(ObligationStatuses.Due);
    }
}
