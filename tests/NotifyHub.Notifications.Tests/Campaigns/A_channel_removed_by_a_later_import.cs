using Microsoft.EntityFrameworkCore;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Campaigns;

/// <summary>
/// Issue 16: a re-import that drops a person's email stops notifications using it. Imported through intake's API (the
/// real producer of the projections), into a <c>first-available</c> campaign held paused before sending.
/// </summary>
public sealed class A_channel_removed_by_a_later_import
{
    [Fact]
    public async Task A_person_whose_email_a_re_import_removed_gets_an_sms_not_an_email()
    {
        // SMS quiet hours around the present hour in Tokyo and nowhere near it in London: the Tokyo person's SMS waits,
        // which keeps the campaign running (so it can be paused) while nothing is sent. Tokyo is 8 or 9 hours ahead.
        var tokyo = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), CountryTimeZones.For("JP"));
        var start = TimeOnly.FromDateTime(tokyo.DateTime).AddHours(-1);
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:QuietHoursStart"] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["NotifyHub:Notifications:QuietHoursEnd"] = start.AddHours(2).ToString("HH:mm", CultureInfo.InvariantCulture),
        });
        var incident = await app.OpenIncidentAsync();
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms"], "first-available", await app.StandardTemplatesAsync(incident));
        await ImportAsync(app, incident, "t-1,Taro,Kato,,+81 90 1234 5678,JP\n");
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.AffectedParties.AnyAsync(p => p.IncidentId == incident)), TimeSpan.FromSeconds(30));

        await app.LaunchAsync(campaign);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.Notifications.AnyAsync(n => n.CampaignId == campaign && n.NotBefore != null)),
            TimeSpan.FromSeconds(30), "the Tokyo SMS deferred by quiet hours");
        (await app.Client.PostAsync($"/api/v1/campaigns/{campaign}/pause", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // Paused: the person with email and phone joins the campaign on email (first available), and is not sent it.
        await ImportAsync(app, incident, "p-1,Pat,Smith,pat@example.test,+44 7911 123456,GB\n");
        var person = Guid.Empty;
        await Eventually.TrueAsync(async () =>
        {
            var email = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign && n.Channel == Channel.Email).ToListAsync());
            person = email.SingleOrDefault()?.PersonId ?? Guid.Empty;
            return person != Guid.Empty;
        }, TimeSpan.FromSeconds(30), "the email queued for the new person");

        await ImportAsync(app, incident, "p-1,Pat,Smith,,+44 7911 123456,GB\n");
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.AffectedParties.AllAsync(p => p.PersonId != person || p.Purpose != Purpose.Email)),
            TimeSpan.FromSeconds(30), "the removed email's projection forgotten");
        (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).ShouldBeEmpty("nothing was sent while paused");

        (await app.Client.PostAsync($"/api/v1/campaigns/{campaign}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.Notifications.AnyAsync(n => n.PersonId == person && n.Channel == Channel.Sms
            && n.Status == DeliveryStatus.Delivered)), TimeSpan.FromSeconds(60), "the SMS fallback delivered");

        var mine = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.PersonId == person).ToListAsync());
        mine.Single(n => n.Channel == Channel.Email).Status.ShouldBe(DeliveryStatus.Failed);
        (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).ShouldBeEmpty("no email to the removed address");
        (await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory)).ShouldHaveSingleItem("the Tokyo SMS still waits for the end of quiet hours");
    }

    private static async Task ImportAsync(NotificationsApp app, Guid incident, string rows)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("external_id,given_name,family_name,email,phone,country\n" + rows));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var started = await app.Client.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var import = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        await Eventually.TrueAsync(async () =>
            (await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}")).GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(30), "the import completed");
    }
}
