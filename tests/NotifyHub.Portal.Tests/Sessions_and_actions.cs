using Microsoft.EntityFrameworkCore;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Contracts.Portal;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Portal.Tests;

public sealed class Sessions_and_actions(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private PortalWorld World => fixture.World;

    [Fact]
    public async Task A_session_acts_only_for_its_own_person()
    {
        using var first = World.NewVisitor();
        using var second = World.NewVisitor();
        var firstToken = await PortalWorld.SessionAsync(first, World.Codes["ext-1"], "1981-03-14");
        var secondToken = await PortalWorld.SessionAsync(second, World.Codes["ext-2"], "1975-11-02");
        var (firstPerson, secondPerson) = (await PersonOfAsync(firstToken), await PersonOfAsync(secondToken));

        var response = await Send(first, "/api/v1/portal/preferences", firstToken, new { stopSms = true, language = "ja" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var people = await World.InPortalAsync(db => db.People.AsNoTracking().Where(p => p.PersonId == firstPerson || p.PersonId == secondPerson)
            .ToDictionaryAsync(p => p.PersonId));
        people[firstPerson].StopSms.ShouldBeTrue();
        people[secondPerson].StopSms.ShouldBeFalse();
        await Eventually.TrueAsync(() => Task.FromResult(World.Messages.Of<ContactPreferencesChanged>().Any(c => c.PersonId == firstPerson)),
            PortalWorld.Wait, "ContactPreferencesChanged was never published");
        var changed = World.Messages.Of<ContactPreferencesChanged>().Single(c => c.PersonId == firstPerson);
        (changed.StopSms, changed.StopEmail, changed.Language).ShouldBe((true, false, "ja"));
        World.Messages.Of<ContactPreferencesChanged>().ShouldNotContain(c => c.PersonId == secondPerson);

        var again = await (await PortalWorld.StatusAsync(first, World.Codes["ext-1"], "1981-03-14")).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("language").GetString().ShouldBe("ja");
    }

    [Fact]
    public async Task A_session_expires_after_fifteen_minutes()
    {
        using var visitor = World.NewVisitor();
        var token = await PortalWorld.SessionAsync(visitor, World.Codes["ext-2"], "1975-11-02");
        (await Send(visitor, "/api/v1/portal/resend", token, new { channel = "letter" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        World.Clock.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(1)));

        var expired = await Send(visitor, "/api/v1/portal/resend", token, new { channel = "letter" });
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PortalWorld.ProblemCodeAsync(expired)).ShouldBe("portal_session_required");
    }

    [Fact]
    public async Task Stores_only_the_hash_of_a_session_token()
    {
        using var visitor = World.NewVisitor();
        var token = await PortalWorld.SessionAsync(visitor, World.Codes["ext-1"], "1981-03-14");

        var sessions = await World.InPortalAsync(db => db.Sessions.AsNoTracking().ToListAsync());

        sessions.ShouldContain(s => s.TokenHash.SequenceEqual(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        sessions.ShouldNotContain(s => s.TokenHash.SequenceEqual(Encoding.UTF8.GetBytes(token)));
    }

    [Fact]
    public async Task A_callback_request_is_announced_with_ids_and_the_persons_language()
    {
        using var visitor = World.NewVisitor();
        var token = await PortalWorld.SessionAsync(visitor, World.Codes["ext-2"], "1975-11-02");
        var at = TimeProvider.System.GetUtcNow().AddDays(1);

        var response = await Send(visitor, "/api/v1/portal/callbacks", token, new { preferredAt = at });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var person = await PersonOfAsync(token);
        await Eventually.TrueAsync(() => Task.FromResult(World.Messages.Of<PortalCallbackRequested>().Any(c => c.PersonId == person)),
            PortalWorld.Wait, "PortalCallbackRequested was never published");
        var request = World.Messages.Of<PortalCallbackRequested>().Single(c => c.PersonId == person);
        request.IncidentId.ShouldBe(World.Incident);
        request.Language.ShouldBe("fr");
    }

    [Theory]
    [InlineData("/api/v1/portal/callbacks", "{}", "preferred_at_required")]
    [InlineData("/api/v1/portal/callbacks", "{\"preferredAt\":\"2001-01-01T00:00:00Z\"}", "invalid_preferred_at")]
    [InlineData("/api/v1/portal/preferences", "{\"language\":\"<script>\"}", "unsupported_language")]
    [InlineData("/api/v1/portal/resend", "{\"channel\":\"pigeon\"}", "invalid_channel")]
    public async Task Rejects_bad_actions_with_a_specific_problem(string path, string body, string code)
    {
        using var visitor = World.NewVisitor();
        var token = await PortalWorld.SessionAsync(visitor, World.Codes["ext-1"], "1981-03-14");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Portal", token);

        var response = await visitor.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PortalWorld.ProblemCodeAsync(response)).ShouldBe(code);
    }

    [Fact]
    public async Task Tells_a_genuine_callback_code_from_an_invented_one()
    {
        var code = "7KQ2-M9XD";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("7KQ2M9XD"));
        await World.PublishAsync(new CallbackRequested(Guid.NewGuid(), Guid.NewGuid(), World.Incident, Guid.NewGuid(),
            TimeProvider.System.GetUtcNow().AddHours(2), hash));
        using var visitor = World.NewVisitor();

        await Eventually.TrueAsync(async () => await GenuineAsync(visitor, code.ToLowerInvariant()), PortalWorld.Wait,
            "the callback code never reached the portal");
        (await GenuineAsync(visitor, "ZZZZ-ZZZZ")).ShouldBeFalse();
        var invalid = await visitor.PostAsJsonAsync("/api/v1/portal/callback-codes/check", new { callbackCode = "<script>" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PortalWorld.ProblemCodeAsync(invalid)).ShouldBe("invalid_callback_code");
    }

    private static async Task<bool> GenuineAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/portal/callback-codes/check", new { callbackCode = code });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("genuine").GetBoolean();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Portal", token);
        return client.SendAsync(request);
    }

    private Task<Guid> PersonOfAsync(string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return World.InPortalAsync(db => db.Sessions.Where(s => s.TokenHash == hash).Select(s => s.PersonId).SingleAsync());
    }
}
