using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.PrintHouses;
using NotifyHub.Notifications.Tests.Support;
using NotifyHub.Testing;
using NotifyHub.Testing.Parties;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Notifications.Tests.PrintHouses;

/// <summary>A print house's return file (folder exchange, embedded defaults) applied by the periodic fetch.</summary>
public sealed class Posted_and_returned_letters
{
    [Fact]
    public async Task Update_the_letters_fall_back_to_email_list_the_unreachable_and_count_in_the_campaign()
    {
        using var gpg = await GpgHome.CreateAsync();
        await using var app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
        {
            ["NotifyHub:PrintHouses:ReturnFilesInterval"] = "00:00:00.200",
        });
        var incident = await app.OpenIncidentAsync();
        var house = await PrintHouseApi.RegisterAsync(app, gpg.PublicKey);
        var posted = TestPerson.Create(1, email: "posted@example.test", address: "1 High Street");
        var returnedNoEmail = TestPerson.Create(2, address: "2 High Street");
        var returnedWithEmail = TestPerson.Create(3, email: "moved@example.test", address: "3 High Street");
        await app.SeedAndWaitAsync(incident, [posted, returnedNoEmail, returnedWithEmail]);
        var templates = await app.StandardTemplatesAsync(incident);
        var campaign = await app.CreateCampaignAsync(incident, ["letter", "email"], "first-available",
            new() { ["letter"] = templates["letter"], ["email"] = templates["email"] });
        await app.LaunchAsync(campaign);
        (await app.WaitForCampaignAsync(campaign)).GetProperty("delivered").GetInt32().ShouldBe(3);
        var letters = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign && n.Channel == Channel.Letter)
            .ToDictionaryAsync(n => n.PersonId));
        letters.Values.ShouldAllBe(l => l.PrintHouseId == house);
        string Row(TestPerson p, string rest) => $"{letters[p.Id].BatchId},{letters[p.Id].Id},{rest}";
        var returns = string.Join("\r\n",
            ReturnRow.Header,
            Row(posted, "posted,2026-12-01,"),
            Row(returnedNoEmail, "returned,,addressee unknown"),
            $"{letters[posted.Id].BatchId},{Guid.NewGuid()},posted,2026-12-01,", // not a letter of ours
            Row(returnedWithEmail, "delivered,2026-12-01,"), // unknown status
            Row(returnedWithEmail, "posted,01/12/2026,"), // not an ISO date
            Row(returnedWithEmail, "returned,,moved away"),
            "");
        var exchange = app.Factory.Services.GetRequiredService<DropBoxes>().FolderOf(house);
        Directory.CreateDirectory(Path.Combine(exchange, DropBoxFolders.Outgoing));
        await File.WriteAllTextAsync(Path.Combine(exchange, DropBoxFolders.Outgoing, "returns-20261201.csv"), returns);

        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(Path.Combine(exchange, DropBoxFolders.Processed, "returns-20261201.csv"))),
            TimeSpan.FromSeconds(30));
        var view = await app.WaitForCampaignAsync(campaign);
        view.GetProperty("posted").GetInt32().ShouldBe(1);
        view.GetProperty("returned").GetInt32().ShouldBe(2);
        var byPerson = await app.QueryAsync(db => db.Notifications.Where(n => n.CampaignId == campaign)
            .Select(n => new { n.PersonId, n.Channel, n.Status, n.ErrorCode }).ToListAsync());
        byPerson.Single(n => n.PersonId == posted.Id).Status.ShouldBe(DeliveryStatus.Posted);
        byPerson.Single(n => n.PersonId == returnedNoEmail.Id).Status.ShouldBe(DeliveryStatus.Returned);
        byPerson.Single(n => n.PersonId == returnedNoEmail.Id).ErrorCode.ShouldBe("addressee_unknown");
        byPerson.Where(n => n.PersonId == returnedWithEmail.Id).Select(n => (n.Channel, n.Status)).Order()
            .ShouldBe([(Channel.Email, DeliveryStatus.Delivered), (Channel.Letter, DeliveryStatus.Returned)], ignoreOrder: true);

        // The call centre's follow-up list: only the person the fall back could not reach.
        var followUp = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/returned-letters");
        followUp.EnumerateArray().Select(l => l.GetProperty("personId").GetGuid()).ShouldBe([returnedNoEmail.Id]);
        followUp[0].GetProperty("reason").GetString().ShouldBe("addressee_unknown");

        // The same file dropped again (a print house that resends): nothing changes.
        await File.WriteAllTextAsync(Path.Combine(exchange, DropBoxFolders.Outgoing, "returns-20261201-again.csv"), returns);
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(Path.Combine(exchange, DropBoxFolders.Processed, "returns-20261201-again.csv"))),
            TimeSpan.FromSeconds(30));
        var again = await app.CampaignAsync(campaign);
        again.GetProperty("posted").GetInt32().ShouldBe(1);
        again.GetProperty("returned").GetInt32().ShouldBe(2);
        (await app.QueryAsync(db => db.Notifications.CountAsync(n => n.CampaignId == campaign))).ShouldBe(4);
    }

    [Fact]
    public async Task A_revoked_print_house_gets_no_more_letters_and_the_refusal_is_audited()
    {
        using var gpg = await GpgHome.CreateAsync();
        await using var app = await NotificationsApp.StartAsync();
        var incident = await app.OpenIncidentAsync();
        var house = await PrintHouseApi.RegisterAsync(app, gpg.PublicKey);
        (await app.Client.PostAsync($"/api/v1/print-houses/{house}/revoke", null)).EnsureSuccessStatusCode();
        var person = TestPerson.Create(1, address: "1 High Street");
        await app.SeedAndWaitAsync(incident, [person]);
        var campaign = await app.CreateCampaignAsync(incident, ["letter"], "all",
            new() { ["letter"] = await app.ApproveProofsAsync(await app.CreateTemplateAsync(incident, SampleTemplates.Letter)) });

        await app.LaunchAsync(campaign);

        (await app.WaitForCampaignAsync(campaign)).GetProperty("failed").GetInt32().ShouldBe(1);
        (await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.CampaignId == campaign))).ErrorCode.ShouldBe("print_house_revoked");
        Directory.Exists(app.Factory.Services.GetRequiredService<DropBoxes>().FolderOf(house)).ShouldBeFalse();
        var view = await app.Client.GetFromJsonAsync<JsonElement>($"/api/v1/print-houses/{house}");
        view.GetProperty("status").GetString().ShouldBe("revoked");
        (await AuditTrail.OfAsync(app.Factory.Services, PrivilegedActions.PrintHouseRegistered, house)).Count.ShouldBe(1);
        (await AuditTrail.OfAsync(app.Factory.Services, PrivilegedActions.PrintHouseRevoked, house)).Count.ShouldBe(1);
        var batchId = (await app.QueryAsync(db => db.Notifications.SingleAsync(n => n.CampaignId == campaign))).BatchId!.Value;
        (await AuditTrail.OfAsync(app.Factory.Services, PrivilegedActions.LetterBatchRefused, batchId)).Single().Details!
            .ShouldContain(house.ToString());
    }
}
