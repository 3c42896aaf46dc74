using NotifyHub.Contracts.Notifications;
using NotifyHub.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Portal.Tests;

public sealed class Checking_status(WorldFixture fixture) : IClassFixture<WorldFixture>
{
    private PortalWorld World => fixture.World;

    public static TheoryData<string> Forms => ["as printed", "without dashes", "lower case", "with spaces", "confusable letters", "full-width"];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Accepts_the_code_in_every_form_people_type_it(string form)
    {
        var code = World.Codes["ext-1"];
        var typed = form switch
        {
            "as printed" => code,
            "without dashes" => code.Replace("-", "", StringComparison.Ordinal),
            "lower case" => code.ToLowerInvariant(),
            "with spaces" => code.Replace('-', ' '),
            "confusable letters" => code.Replace('0', 'O').Replace('1', 'l'),
            "full-width" => FullWidth(code),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        using var visitor = World.NewVisitor();

        var response = await PortalWorld.StatusAsync(visitor, typed, dateOfBirth: "1981-03-14");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shows_the_persons_own_categories_with_advice_in_their_language_and_no_personal_data()
    {
        await World.PublishAsync(new NotificationSent(Guid.NewGuid(), World.Incident, null, await PersonIdAsync("ext-2"), "email",
            TimeProvider.System.GetUtcNow()));
        using var visitor = World.NewVisitor();
        JsonElement status = default;
        await Eventually.TrueAsync(async () =>
        {
            var response = await PortalWorld.StatusAsync(visitor, World.Codes["ext-2"], postcode: "sw1a 1aa");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            status = await response.Content.ReadFromJsonAsync<JsonElement>();
            return status.GetProperty("notifications").GetArrayLength() == 1;
        }, PortalWorld.Wait, "the notification never reached the portal");

        status.GetProperty("language").GetString().ShouldBe("fr");
        var categories = status.GetProperty("dataCategories").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        categories.ShouldBe(["name", "payment_card"]);
        status.GetProperty("dataCategories")[1].GetProperty("advice").GetString()!.ShouldContain("banque");
        var sent = status.GetProperty("notifications")[0];
        sent.GetProperty("channel").GetString().ShouldBe("email");
        sent.GetProperty("status").GetString().ShouldBe("sent");
        status.GetProperty("officialSenders").GetProperty("email").GetString().ShouldNotBeNullOrEmpty();
        var text = status.GetRawText();
        foreach (var personal in new[] { "Bartholomew", "Okonkwo", "bart.canary", "570 157", "1975-11-02", "SW1A" })
        {
            text.ShouldNotContain(personal, Case.Insensitive);
        }
    }

    [Fact]
    public async Task Shows_the_statement_the_privacy_officer_wrote_in_the_persons_language()
    {
        var put = await World.Officer.PutAsJsonAsync($"/api/v1/incidents/{World.Incident}/statement", new
        {
            language = "ja", title = "お知らせ", statement = "会員データベースの写しが持ち出されました。",
            advice = new[] { "不審な電話に注意してください。" }, helplinePhone = "0120-000-000", helplineHours = "9:00-18:00",
        });
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        using var visitor = World.NewVisitor();

        var status = await (await PortalWorld.StatusAsync(visitor, World.Codes["ext-3"], "1990-06-30")).Content.ReadFromJsonAsync<JsonElement>();

        status.GetProperty("language").GetString().ShouldBe("ja");
        status.GetProperty("incident").GetProperty("title").GetString().ShouldBe("お知らせ");
        status.GetProperty("incident").GetProperty("advice")[0].GetString().ShouldBe("不審な電話に注意してください。");
        status.GetProperty("helpline").GetProperty("phone").GetString().ShouldBe("0120-000-000");
    }

    public static TheoryData<string, string?, string?, string> BadInput => new()
    {
        { "", "1981-03-14", null, "reference_code_required" },
        { new string('A', 10_240), "1981-03-14", null, "reference_code_too_long" },
        { "CODE", null, null, "factor_required" },
        { "CODE", "14/03/1981", null, "invalid_date_of_birth" },
        { "CODE", "2999-01-01", null, "invalid_date_of_birth" },
        { "CODE", "1981-02-30", null, "invalid_date_of_birth" },
        { "CODE", null, "'; DROP TABLE people; --", "invalid_postcode" },
        { "CODE", null, "<script>alert(1)</script>", "invalid_postcode" },
        { "CODE", "1981-03-14' OR '1'='1", null, "invalid_date_of_birth" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Rejects_bad_input_with_a_specific_problem_and_counts_no_failure(string code, string? dateOfBirth, string? postcode, string expected)
    {
        using var visitor = World.NewVisitor();
        var before = await World.InPortalAsync(db => Task.FromResult(db.Failures.Count()));

        var response = await PortalWorld.StatusAsync(visitor, code == "CODE" ? World.Codes["ext-1"] : code, dateOfBirth, postcode);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PortalWorld.ProblemCodeAsync(response)).ShouldBe(expected);
        (await World.InPortalAsync(db => Task.FromResult(db.Failures.Count()))).ShouldBe(before);
    }

    [Fact]
    public async Task Treats_sql_or_script_in_the_code_as_no_match()
    {
        using var visitor = World.NewVisitor();

        var response = await PortalWorld.StatusAsync(visitor, "' OR 1=1; <script>", "1981-03-14");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PortalWorld.ProblemCodeAsync(response)).ShouldBe("no_match");
    }

    private Task<Guid> PersonIdAsync(string externalId) => World.InPortalAsync(async db =>
    {
        var codes = World.Codes;
        using var visitor = World.NewVisitor();
        var token = await PortalWorld.SessionAsync(visitor, codes[externalId], externalId == "ext-2" ? "1975-11-02" : "1981-03-14");
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return db.Sessions.Single(s => s.TokenHash == hash).PersonId;
    });

    private static string FullWidth(string code) =>
        new([.. code.Select(c => c == '-' ? '\uFF0D' : (char)(c + 0xFEE0))]);
}
