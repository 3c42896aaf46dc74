using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Campaigns;

/// <summary>
/// What notifications keeps of intake's projections: one row per person and purpose, the latest winning and a purpose
/// the person no longer has deleted, whether a batch came in one message (<see cref="AffectedPartiesProjectedV2"/>) or,
/// from an older version still in a queue at an upgrade, a message per purpose (<see cref="AffectedPartiesProjected"/>).
/// </summary>
public sealed class Projections_from_intake
{
    [Fact]
    public async Task On_PostgreSQL_a_batch_is_kept_a_row_per_purpose_and_a_re_import_replaces_and_removes()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = await NotificationsApp.StartOnPostgreSqlAsync(database);
        var incident = await app.OpenIncidentAsync();
        var everything = TestPerson.Create(1, "fr", email: "one@example.test", phone: "+447911000001", address: "1 High Street");
        var emailOnly = TestPerson.Create(2, "ja", email: "two@example.test");
        var letterOnly = TestPerson.Create(3, address: "3 High Street");

        await app.SeedAndWaitAsync(incident, [everything, emailOnly, letterOnly]);
        var first = await RowsAsync(app, incident);
        first.Select(r => (r.PersonId, r.Purpose)).Order().ShouldBe(new[]
        {
            (everything.Id, Purpose.Email), (everything.Id, Purpose.Sms), (everything.Id, Purpose.MailHouse),
            (emailOnly.Id, Purpose.Email), (letterOnly.Id, Purpose.MailHouse),
        }.Order());
        first.Where(r => r.PersonId == emailOnly.Id).ShouldAllBe(r => r.Language == "ja" && r.DataCategories.SequenceEqual(new[] { "email", "payment_card" }));
        first.Select(r => Convert.ToBase64String(r.Projection)).Distinct().Count().ShouldBe(5, "each purpose its own ciphertext");

        // A later batch in which the first person has only a phone: the SMS projection is replaced, the others deleted.
        await ProjectedPartiesSeeder.PublishAsync(app.Factory.Services, incident, [everything], purposes: [Purpose.Sms]);
        await Eventually.TrueAsync(async () => (await RowsAsync(app, incident)).Count(r => r.PersonId == everything.Id) == 1, TimeSpan.FromSeconds(30));
        var second = await RowsAsync(app, incident);
        var sms = second.Single(r => r.PersonId == everything.Id);
        sms.Purpose.ShouldBe(Purpose.Sms);
        sms.Projection.ShouldNotBe(first.Single(r => r.PersonId == everything.Id && r.Purpose == Purpose.Sms).Projection);
        second.Where(r => r.PersonId != everything.Id).Select(r => r.Id).Order()
            .ShouldBe(first.Where(r => r.PersonId != everything.Id).Select(r => r.Id).Order(), "the others untouched");
    }

    [Fact]
    public async Task A_message_a_purpose_at_a_time_from_an_older_version_is_still_applied()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        await app.SeedAndWaitAsync(incident, [TestPerson.Create(1, email: "early@example.test")]);
        var templates = await app.StandardTemplatesAsync(incident);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms"], "first-available", new() { ["email"] = templates["email"], ["sms"] = templates["sms"] });
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign);

        // The SMS message is handled before the email one: the campaign's first choice, email, is still the one sent.
        var late = TestPerson.Create(2, email: "late@example.test", phone: "+447911000002");
        await PublishPerPurposeAsync(app, incident, late, Purpose.Sms, [Purpose.Email, Purpose.Sms]);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.AffectedParties.AnyAsync(p => p.PersonId == late.Id)), TimeSpan.FromSeconds(30));
        await PublishPerPurposeAsync(app, incident, late, Purpose.Email, [Purpose.Email, Purpose.Sms]);
        await Eventually.TrueAsync(async () => (await app.CampaignAsync(campaign)).GetProperty("delivered").GetInt32() == 2,
            TimeSpan.FromSeconds(30), "everyone delivered");
        var channels = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign && n.PersonId == late.Id).Select(n => n.Channel).ToListAsync());
        channels.ShouldBe([Channel.Email]);

        // A later per-purpose message listing SMS alone removes the stored email projection.
        await PublishPerPurposeAsync(app, incident, late, Purpose.Sms, [Purpose.Sms]);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.AffectedParties.AllAsync(p => p.PersonId != late.Id || p.Purpose != Purpose.Email)),
            TimeSpan.FromSeconds(30), "the removed email's projection forgotten");
        (await app.QueryAsync(db => db.AffectedParties.CountAsync(p => p.PersonId == late.Id))).ShouldBe(1);
    }

    private static Task<List<Parties.AffectedParty>> RowsAsync(NotificationsApp app, Guid incident) =>
        app.QueryAsync(db => db.AffectedParties.AsNoTracking().Where(p => p.IncidentId == incident).ToListAsync());

    /// <summary>What intake published before 5 December 2026: one message per batch and purpose, listing the person's purposes.</summary>
    private static async Task PublishPerPurposeAsync(NotificationsApp app, Guid incident, TestPerson person, Purpose purpose, Purpose[] has)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
        var projection = await builder.BuildAsync(person.Id, purpose, InternalHolders.Notifications, person.Fields());
        var party = new ProjectedParty(person.Id, projection.Ciphertext.ToArray(), person.Language, person.Categories ?? [],
            [.. has.Select(ProjectionBuilder.PurposeCode)]);
        await scope.ServiceProvider.GetRequiredService<IBus>().Publish(new AffectedPartiesProjected(incident, Guid.NewGuid(),
            ProjectionBuilder.PurposeCode(purpose), InternalHolders.Notifications, [party]));
    }
}
