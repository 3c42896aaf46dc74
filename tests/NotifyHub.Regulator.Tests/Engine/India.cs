using static NotifyHub.Regulator.Tests.Support.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

public sealed class India
{
    [Fact]
    public void Rule_7_binds_only_incidents_from_its_start_date()
    {
        Compute(Incident(Utc("2027-05-12T20:00:00Z"), ["IN"], new() { ["IN"] = 9 })).ShouldNotContain(o => o.Jurisdiction == "IN");
        Compute(Incident(Utc("2027-05-13T08:00:00Z"), ["IN"], new() { ["IN"] = 9 })).ShouldContain(o => o.Jurisdiction == "IN");
    }

    [Fact]
    public void The_detailed_report_is_due_72_hours_after_awareness_across_a_weekend()
    {
        // Friday 14 May 2027 at 01:30 IST; India keeps +05:30 all year.
        var report = Compute(Incident(Utc("2027-05-13T20:00:00Z"), ["IN"], new() { ["IN"] = 9 })).One("IN", "regulator-final");

        report.DueAt.ShouldBe(Utc("2027-05-16T20:00:00Z"));
        report.DueAtLocal.ShouldBe("2027-05-17T01:30:00+05:30");
    }
}
