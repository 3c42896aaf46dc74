using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Console.Database;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.Audit;

/// <summary>Templates and every step of a campaign's life leave exactly one audit entry, naming who did it.</summary>
public sealed class Audit_trail
{
    [Fact]
    public async Task Creating_a_template_and_creating_launching_pausing_resuming_and_cancelling_a_campaign_each_leave_one_entry()
    {
        // Five emails a second for 150 people: the campaign runs for 30 s. Accepted emails are recorded at the end of
        // their delivery batch; with the default 50 per batch, three interleaved batches all end near the 30th second
        // and the first "delivered" came with the last. One per batch records each email as it goes.
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:Throttle:Email"] = "5",
            ["NotifyHub:Notifications:DeliveryBatchSize"] = "1",
        });
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [.. Enumerable.Range(0, 150).Select(i => TestPerson.Create(i, email: $"p{i}@example.test"))]);
        var template = await app.CreateTemplateAsync(incident, SampleTemplates.Email);
        var campaign = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = template });
        await app.LaunchAsync(campaign);
        await Eventually.TrueAsync(async () => (await app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32() > 0, TimeSpan.FromSeconds(90));
        foreach (var step in new[] { "pause", "resume", "cancel" })
        {
            (await app.Client.PostAsync($"/api/v1/campaigns/{campaign}/{step}", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted, step);
        }

        var created = (await AuditTrail.OfAsync(app.Factory.Services, "template.create", template)).ShouldHaveSingleItem();
        // The signed-in staff member who made the calls: a real account, named by id only.
        var actor = created.ActorUserId.ShouldNotBeNull();
        (await IsStaffAsync(app, actor)).ShouldBeTrue();
        created.Details!.ShouldContain(incident.ToString());
        foreach (var action in new[] { "campaign.create", "campaign.launch", "campaign.pause", "campaign.resume", "campaign.cancel" })
        {
            var entry = (await AuditTrail.OfAsync(app.Factory.Services, action, campaign)).ShouldHaveSingleItem(action);
            entry.ActorUserId.ShouldBe(actor, action);
            entry.Details!.ShouldNotContain("example.test");
        }

        // The service's own decrypts are not metered per record but are on the trail: counts per campaign and purpose.
        var delivered = (await app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32();
        var decrypts = await AuditTrail.OfAsync(app.Factory.Services, "projection.decrypt_batch", campaign);
        decrypts.Sum(e => JsonDocument.Parse(e.Details!).RootElement.GetProperty("count").GetString() is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0)
            .ShouldBeGreaterThanOrEqualTo(delivered);
        decrypts.ShouldAllBe(e => !e.Details!.Contains("example.test"));

        var chain = await AuditTrail.VerifyAsync(app.Factory.Services);
        chain.IsValid.ShouldBeTrue(chain.Message);
    }

    private static async Task<bool> IsStaffAsync(NotificationsApp app, Guid id)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsoleDbContext>().Users.AnyAsync(u => u.Id == id);
    }
}
