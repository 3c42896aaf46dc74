using NotifyHub.Testing.Parties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Email;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;

namespace NotifyHub.Notifications.Tests.Email;

/// <summary>An email campaign in English, French and Japanese through MailKit into the real test SMTP server's Maildir.</summary>
public sealed class Email_through_the_real_smtp_server
{
    [Fact]
    public async Task Delivers_one_message_per_person_in_their_language_with_a_fixed_message_id()
    {
        // Other tests share the server: this run's messages are the ones from and to this domain.
        var marker = $"run{Guid.NewGuid():N}.test";
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:Email:Smtp:Host"] = TestServers.SmtpHost,
            ["NotifyHub:Email:Smtp:Port"] = TestServers.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NotifyHub:Email:Smtp:From"] = $"Example Ltd <notices@{marker}>",
            ["NotifyHub:Email:Smtp:Connections"] = "2",
        });
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
}
