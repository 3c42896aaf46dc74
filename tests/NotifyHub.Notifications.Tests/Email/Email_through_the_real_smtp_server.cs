using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;

namespace NotifyHub.Notifications.Tests.Email;

/// <summary>An email campaign in English, French and Japanese through MailKit into the real test SMTP server's Maildir.</summary>
public sealed class Email_through_the_real_smtp_server
{
    [Fact]
    public async Task Delivers_one_message_per_person_in_their_language_with_a_fixed_message_id()
    {
        // Other tests share the server: this run's messages are the ones from and to this domain.
        var marker = $"run{Guid.NewGuid():N}.test";
        var settings = NotificationsApp.SmtpSettings(marker);
        settings["NotifyHub:Email:Smtp:Connections"] = "2";
        await using var app = await NotificationsApp.StartAsync(settings);
        var incident = await app.OpenIncidentAsync();
        var languages = new[] { "en", "fr", "ja" };
        var people = Enumerable.Range(0, 9).Select(i => TestPerson.Create(i, languages[i % 3], email: $"person{i}@{marker}")).ToList();
        await app.SeedAndWaitAsync(incident, people);
        var campaign = await app.CreateCampaignAsync(incident, ["email"], "all", new() { ["email"] = await app.CreateTemplateAsync(incident, SampleTemplates.Email) });

        await app.LaunchAsync(campaign);
        var view = await app.WaitForCampaignAsync(campaign);

        view.GetProperty("delivered").GetInt32().ShouldBe(9);
        var notifications = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign).ToListAsync());
        List<(string Path, MimeKit.MimeMessage Message)> delivered = [];
        await Eventually.TrueAsync(() => Task.FromResult((delivered = [.. SmtpMaildir.MessagesWith(marker)]).Count >= 9), TimeSpan.FromSeconds(10));
        delivered.Count.ShouldBe(9);
        delivered.Select(d => d.Message.MessageId).Order()
            .ShouldBe(notifications.Select(n => $"{n.Id:N}@{marker}").Order(), "one message per notification, Message-ID fixed by its id");
        notifications.ShouldAllBe(n => n.ProviderMessageId == $"{n.Id:N}@{marker}" && n.Status == DeliveryStatus.Delivered);
        var sender = app.Factory.Services.GetRequiredService<IEmailSender>().ShouldBeOfType<SmtpEmailSender>();
        sender.ConnectionsOpened.ShouldBeInRange(1, 2, "connections are pooled and reused, not opened per message");

        foreach (var person in people)
        {
            var message = delivered.Single(d => d.Message.To.Mailboxes.Single().Address == $"person{people.IndexOf(person)}@{marker}").Message;
            var text = message.TextBody + message.HtmlBody;
            text.ShouldContain(person.ReferenceCode);
            text.ShouldContain(person.GivenName);
            message.From.Mailboxes.Single().Address.ShouldBe($"notices@{marker}");
            switch (person.Language)
            {
                case "en":
                    message.Subject.ShouldBe("About Dealer CRM breach");
                    text.ShouldContain("Dear " + person.GivenName);
                    break;
                case "fr":
                    message.Subject.ShouldBe("Au sujet de Dealer CRM breach");
                    text.ShouldContain("Données concernées");
                    break;
                default:
                    message.Subject.ShouldBe("Dealer CRM breachに関するお知らせ");
                    text.ShouldContain("照会番号");
                    text.ShouldContain($"{person.FamilyName} {person.GivenName} 様");
                    break;
            }
        }
    }

    [Fact]
    public async Task Runs_the_claim_before_the_server_can_take_a_message_and_abandons_one_when_asked()
    {
        var marker = $"run{Guid.NewGuid():N}.test";
        var settings = NotificationsApp.SmtpSettings(marker);
        settings["NotifyHub:Email:Smtp:Connections"] = "1";
        await using var app = await NotificationsApp.StartAsync(settings);
        var sender = app.Factory.Services.GetRequiredService<IEmailSender>().ShouldBeOfType<SmtpEmailSender>();
        EmailMessage Message(int i) => new(Guid.NewGuid(), Privacy.Fields.Sensitive.Of($"person{i}@{marker}"), null,
            $"Notice {i}", $"<p>Notice {i}</p>", $"Notice {i}");

        // Abandoned at the last step (the worker is stopping): the whole message went out but the end-of-data mark,
        // so the server never takes it.
        var abandoned = Message(1);
        var result = await sender.SendAsync(abandoned, () => throw new OperationCanceledException());
        result.Outcome.ShouldBe(SendOutcome.Abandoned);

        // At the last step the server holds the message's text but has not taken it.
        var sent = Message(2);
        var inMaildirAtLastStep = -1;
        result = await sender.SendAsync(sent, () => inMaildirAtLastStep = SmtpMaildir.FilesWith(marker).Count);

        result.Outcome.ShouldBe(SendOutcome.Sent);
        inMaildirAtLastStep.ShouldBe(0);
        List<(string Path, MimeKit.MimeMessage Message)> delivered = [];
        await Eventually.TrueAsync(() => Task.FromResult((delivered = [.. SmtpMaildir.MessagesWith(marker)]).Count >= 1), TimeSpan.FromSeconds(10));
        delivered.Select(d => d.Message.MessageId).ShouldBe([EmailComposer.MessageIdFor(sent.NotificationId, marker)],
            "only the second message; the abandoned one's connection was closed before its end-of-data mark");
        sender.ConnectionsOpened.ShouldBe(2, "abandoning a message closes its connection; the next send opens another");
    }
}
