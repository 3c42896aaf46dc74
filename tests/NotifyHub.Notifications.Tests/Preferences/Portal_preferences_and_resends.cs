using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Contracts.Portal;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Notifications;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Preferences;

/// <summary>What a person chooses on the portal (stopped channels, language, a resend) reaches delivery.</summary>
public sealed class Portal_preferences_and_resends
{
    [Fact]
    public async Task A_person_who_stopped_email_gets_an_sms_in_their_new_language_and_one_who_stopped_both_gets_a_letter()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        var stoppedEmail = TestPerson.Create(1, email: "stopped.email@example.test", phone: "07911 000001", address: "1 High Street");
        var stoppedBoth = TestPerson.Create(2, email: "stopped.both@example.test", phone: "07911 000002", address: "2 High Street");
        var untouched = TestPerson.Create(3, email: "untouched@example.test", phone: "07911 000003", address: "3 High Street");
        await app.SeedAndWaitAsync(incident, [stoppedEmail, stoppedBoth, untouched]);
        await PublishAsync(app, new ContactPreferencesChanged(incident, stoppedEmail.Id, "fr", StopEmail: true, StopSms: false, TimeProvider.System.GetUtcNow()));
        await PublishAsync(app, new ContactPreferencesChanged(incident, stoppedBoth.Id, null, StopEmail: true, StopSms: true, TimeProvider.System.GetUtcNow()));
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.ContactPreferences.CountAsync(p => p.IncidentId == incident).ContinueWith(t => t.Result == 2)),
            TimeSpan.FromSeconds(30));

        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms", "letter"], "first-available", await app.StandardTemplatesAsync(incident));
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign);

        var notifications = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.CampaignId == campaign).ToListAsync());
        notifications.Where(n => n.PersonId == stoppedEmail.Id).Select(n => n.Channel).ShouldBe([Channel.Sms]);
        notifications.Where(n => n.PersonId == stoppedBoth.Id).Select(n => n.Channel).ShouldBe([Channel.Letter]);
        notifications.Where(n => n.PersonId == untouched.Id).Select(n => n.Channel).ShouldBe([Channel.Email]);
        notifications.ShouldAllBe(n => n.Status == DeliveryStatus.Delivered);

        var emails = (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).Select(OutboxFiles.Text).ToList();
        emails.ShouldHaveSingleItem().ShouldContain(untouched.ReferenceCode);
        var sms = (await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory)).ShouldHaveSingleItem();
        sms.ShouldContain(stoppedEmail.ReferenceCode);
        sms.ShouldContain("vos donnees ont ete exposees"); // the language chosen on the portal, not the imported English
        var letters = string.Concat((await LetterBatchReader.ReadAllAsync(app)).Select(b => b.Text));
        letters.ShouldContain(stoppedBoth.ReferenceCode);
    }

    [Fact]
    public async Task A_resend_request_produces_exactly_one_more_delivery_on_a_channel_not_stopped()
    {
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        var person = TestPerson.Create(1, email: "resend.me@example.test", phone: "07911 000011", address: "11 High Street");
        await app.SeedAndWaitAsync(incident, [person]);
        var campaign = await app.CreateCampaignAsync(incident, ["email", "sms", "letter"], "first-available", await app.StandardTemplatesAsync(incident));
        await app.LaunchAsync(campaign);
        await app.WaitForCampaignAsync(campaign);
        (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).Count.ShouldBe(1);

        // Email stopped since: asking for the email again gets the next channel the person has, an SMS.
        await PublishAsync(app, new ContactPreferencesChanged(incident, person.Id, null, StopEmail: true, StopSms: false, TimeProvider.System.GetUtcNow()));
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.ContactPreferences.AnyAsync(p => p.PersonId == person.Id && p.StopEmail)), TimeSpan.FromSeconds(30));
        var request = new ResendRequested(Guid.Empty, incident, person.Id, "email", Guid.Empty, TimeProvider.System.GetUtcNow());
        var messageId = Guid.NewGuid();
        await PublishAsync(app, request, messageId);
        await PublishAsync(app, request, messageId); // the same request delivered twice

        await Eventually.TrueAsync(async () => (await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory)).Count == 1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second resend, had there been one, would have been sent by now
        var resent = await app.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.PersonId == person.Id && n.CampaignId == null).ToListAsync());
        resent.ShouldHaveSingleItem().Channel.ShouldBe(Channel.Sms);
        resent[0].Status.ShouldBe(DeliveryStatus.Delivered);
        (await OutboxFiles.SmsAsync(app.Factory.Services, app.Factory.DataDirectory)).ShouldHaveSingleItem().ShouldContain(person.ReferenceCode);
        (await OutboxFiles.EmailsAsync(app.Factory.Services, app.Factory.DataDirectory)).Count.ShouldBe(1);

        // A second, distinct request is a second delivery.
        await PublishAsync(app, request with { Channel = "letter", RequestedAt = TimeProvider.System.GetUtcNow() });
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.Notifications.AnyAsync(
            n => n.PersonId == person.Id && n.CampaignId == null && n.Channel == Channel.Letter && n.Status == DeliveryStatus.Delivered)), TimeSpan.FromSeconds(30));
        (await LetterBatchReader.ReadAllAsync(app)).ShouldHaveSingleItem().Text.ShouldContain(person.ReferenceCode);
    }

    private static async Task PublishAsync<T>(NotificationsApp app, T message, Guid? messageId = null)
        where T : class
    {
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(message, context =>
        {
            if (messageId is { } id)
            {
                context.MessageId = id;
            }
        });
    }
}
