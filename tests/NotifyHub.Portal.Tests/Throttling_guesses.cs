using Microsoft.EntityFrameworkCore;
using NotifyHub.Contracts.Portal;
using NotifyHub.Testing;
using System.Net;

namespace NotifyHub.Portal.Tests;

public sealed class Throttling_guesses(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private const string Unknown = "7KQ2-M9XD-4TPA-H3R8";

    private PortalWorld World => fixture.World;

    [Fact]
    public async Task Gives_byte_identical_answers_for_an_unknown_code_a_wrong_factor_and_a_locked_code()
    {
        using var visitor = World.NewVisitor();
        var unknown = await PortalWorld.StatusAsync(visitor, Unknown, "1981-03-14");
        var wrongFactor = await PortalWorld.StatusAsync(visitor, World.Codes["ext-1"], "1981-03-15");
        for (var i = 0; i < 4; i++)
        {
            await PortalWorld.StatusAsync(visitor, World.Codes["ext-1"], "1981-03-15");
        }

        var locked = await PortalWorld.StatusAsync(visitor, World.Codes["ext-1"], "1981-03-14");

        foreach (var response in new[] { unknown, wrongFactor, locked })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.ToString().ShouldBe("application/problem+json");
        }

        var bodies = await Task.WhenAll(new[] { unknown, wrongFactor, locked }.Select(r => r.Content.ReadAsByteArrayAsync()));
        bodies[1].ShouldBe(bodies[0]);
        bodies[2].ShouldBe(bodies[0]);
        (await PortalWorld.ProblemCodeAsync(unknown)).ShouldBe("no_match");
    }

    [Fact]
    public async Task Locks_a_code_after_five_wrong_factors_for_fifteen_minutes()
    {
        using var visitor = World.NewVisitor();
        for (var i = 0; i < 5; i++)
        {
            (await PortalWorld.StatusAsync(visitor, World.Codes["ext-3"], postcode: "9999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var owner = World.NewVisitor();
        (await PortalWorld.StatusAsync(owner, World.Codes["ext-3"], "1990-06-30")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        World.Clock.Advance(TimeSpan.FromMinutes(14));
        (await PortalWorld.StatusAsync(owner, World.Codes["ext-3"], "1990-06-30")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        World.Clock.Advance(TimeSpan.FromMinutes(1.1));

        (await PortalWorld.StatusAsync(owner, World.Codes["ext-3"], "1990-06-30")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Answers_429_with_Retry_After_after_ten_failures_from_one_address_until_the_window_passes()
    {
        using var visitor = World.NewVisitor();
        for (var i = 0; i < 10; i++)
        {
            (await PortalWorld.StatusAsync(visitor, Unknown, "1981-03-14")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var throttled = await PortalWorld.StatusAsync(visitor, World.Codes["ext-2"], "1975-11-02");
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = throttled.Headers.RetryAfter!.Delta!.Value;
        retryAfter.ShouldBeGreaterThan(TimeSpan.FromMinutes(9));
        retryAfter.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        (await PortalWorld.ProblemCodeAsync(throttled)).ShouldBe("too_many_attempts");
        using (var other = World.NewVisitor())
        {
            (await PortalWorld.StatusAsync(other, World.Codes["ext-2"], "1975-11-02")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        World.Clock.Advance(TimeSpan.FromMinutes(10.1));

        (await PortalWorld.StatusAsync(visitor, World.Codes["ext-2"], "1975-11-02")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Raises_one_abuse_alarm_with_counts_only_when_failures_jump_and_another_after_the_window()
    {
        World.Clock.Advance(TimeSpan.FromMinutes(2));
        var before = await World.InPortalAsync(db => db.Alarms.CountAsync());
        await FailAsync(32);

        (await World.InPortalAsync(db => db.Alarms.CountAsync())).ShouldBe(before + 1);
        await Eventually.TrueAsync(() => Task.FromResult(World.Messages.Of<PortalAbuseSuspected>().Count > 0), PortalWorld.Wait,
            "PortalAbuseSuspected was never published");
        World.Messages.Of<PortalAbuseSuspected>().ShouldAllBe(a => a.Failures >= 30 && a.Threshold == 30);

        await FailAsync(8);
        (await World.InPortalAsync(db => db.Alarms.CountAsync())).ShouldBe(before + 1);

        World.Clock.Advance(TimeSpan.FromMinutes(1.1));
        await FailAsync(32);

        (await World.InPortalAsync(db => db.Alarms.CountAsync())).ShouldBe(before + 2);
    }

    private async Task FailAsync(int count)
    {
        for (var i = 0; i < count; i += 8)
        {
            using var visitor = World.NewVisitor();
            for (var j = 0; j < 8; j++)
            {
                (await PortalWorld.StatusAsync(visitor, Unknown, "1981-03-14")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            }
        }
    }
}
