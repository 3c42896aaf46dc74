using Bogus;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Intake.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Testing;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Intake.Tests;

/// <summary>Whole files: encodings, formats, whole-file failures, re-imports, what the errors CSV and events carry.</summary>
public sealed class Import_files(IntakeHost host) : IClassFixture<IntakeHost>
{
    private IntakeClient Api => host.Client;

    static Import_files() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(new byte[0], "text/csv", "empty_file", 400)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "text/csv", "empty_file", 400)]
    [InlineData(new byte[] { (byte)'a', (byte)',', (byte)'b', (byte)'\n', (byte)'1', (byte)',', (byte)'2' }, "text/csv", "no_header", 400)]
    [InlineData(new byte[] { (byte)'e', (byte)'m', (byte)'a', (byte)'i', (byte)'l', (byte)'\n', (byte)'x', (byte)'@', (byte)'y' }, "text/csv", "missing_external_id_column", 400)]
    [InlineData(new byte[] { (byte)'x' }, "application/json", "unsupported_content_type", 415)]
    [InlineData(new byte[] { (byte)'x' }, "application/x-ndjson", "not_ndjson", 400)]
    public async Task A_file_that_cannot_be_read_fails_at_once_and_writes_nothing(byte[] body, string contentType, string code, int status)
    {
        var incident = await Api.OpenIncidentAsync();

        var response = await Api.PostAsync(incident, body, contentType);

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(code);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        (await db.Imports.CountAsync(i => i.IncidentId == incident)).ShouldBe(0);
        (await db.AffectedParties.CountAsync(p => p.IncidentId == incident)).ShouldBe(0);
        Directory.GetFiles(Path.Combine(host.Factory.DataDirectory, "imports")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_encoding_fails_at_once()
    {
        var incident = await Api.OpenIncidentAsync();

        var response = await Api.PostAsync(incident, "external_id\n1\n"u8.ToArray(), encoding: "ebcdic");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("unsupported_encoding");
    }

    [Fact]
    public async Task A_Shift_JIS_file_with_Japanese_names_and_addresses_is_read()
    {
        var incident = await Api.OpenIncidentAsync();
        var people = Fake("ja", 40);
        var csv = Csv(people);

        var status = await Api.ImportAsync(incident, Encoding.GetEncoding(932).GetBytes(csv), encoding: "shift_jis");

        (status.Accepted, status.Rejected).ShouldBe((40, 0));
        await ShouldHaveStoredAsync(incident, people);
    }

    [Fact]
    public async Task A_UTF16_file_with_a_byte_order_mark_is_read()
    {
        var incident = await Api.OpenIncidentAsync();
        var people = Fake("ja", 10).Concat(Fake("fr", 10)).ToList();

        var status = await Api.ImportAsync(incident, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv(people))], encoding: "utf-16");

        status.Accepted.ShouldBe(20);
        await ShouldHaveStoredAsync(incident, people);
    }

    [Fact]
    public async Task An_ISO_8859_1_file_with_French_names_is_read()
    {
        var incident = await Api.OpenIncidentAsync();
        var people = Fake("fr", 30);
        people.Add(new Row("FR-X", "Anaïs", "Lefèvre", "anais@example.fr", "", "12 rue de la Paix", "FR", "fr"));

        var status = await Api.ImportAsync(incident, Encoding.Latin1.GetBytes(Csv(people)), encoding: "iso-8859-1");

        status.Accepted.ShouldBe(31);
        await ShouldHaveStoredAsync(incident, people);
    }

    [Fact]
    public async Task A_UTF8_file_with_a_byte_order_mark_is_read_by_default()
    {
        var incident = await Api.OpenIncidentAsync();
        var people = Fake("en", 5);

        var status = await Api.ImportAsync(incident, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv(people))]);

        status.Accepted.ShouldBe(5);
        await ShouldHaveStoredAsync(incident, people);
    }

    [Fact]
    public async Task NDJSON_with_the_same_field_names_is_read_and_bad_lines_are_rejected()
    {
        var incident = await Api.OpenIncidentAsync();
        var ndjson = """
            {"external_id":"N-1","given_name":"Ann","email":"ann@example.com","data_categories":["email","phone"],"favourite_colour":"red"}
            {"EXTERNAL_ID":"N-2","Family_Name":"Ray","phone":"+33 6 12 34 56 78"}
            not json at all
            [1,2,3]
            {"external_id":"N-3","given_name":"Cy"}

            {"external_id":42,"given_name":"Num","address_line1":"1 Main St","country":"gb"}
            """;

        var status = await Api.ImportAsync(incident, Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson");

        (status.RowsRead, status.Accepted, status.Rejected, status.Warnings).ShouldBe((6, 3, 3, 1));
        (await Api.ErrorsAsync(status)).Select(e => (e[0], e[2])).ShouldBe([
            ("1", "unknown_column"), ("3", "invalid_json"), ("4", "invalid_json"), ("5", "no_usable_channel")]);
        var people = (await Api.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!);
        people["N-1"].Row.DataCategories.ShouldBe("email;phone");
        people["N-2"]["phone"].ShouldBe("+33612345678");
        people["42"]["country"].ShouldBe("GB");
    }

    [Fact]
    public async Task A_file_whose_every_line_is_broken_in_a_different_way_rejects_each_line_and_keeps_going()
    {
        var incident = await Api.OpenIncidentAsync();
        var lines = new[]
        {
            ("external_id,given_name,family_name,email,phone,address_line1,country", ""),
            (",Ann,Lee,ann@example.com,,,", "missing_external_id"),
            ("C-2,,,bob@example.com,,,", "missing_name"),
            ("C-3,Cy,Ng,,,,", "no_usable_channel"),
            ("C-4,Di,\"Ng\"x,di@example.com,,,", "unbalanced_quotes"),
            ($"C-5,{new string('e', 5000)},Ng,e@example.com,,,", "field_too_long"),
            ("C-6,F\0y,Ng,f@example.com,,,", "nul_byte"),
            ("C-7,Gu,Ng,g@example.com", "wrong_field_count"),
            ("C-8,Hal,Ng,not-mail,12,,", "no_usable_channel"),
            ("C-9,\"Ivy,Ng,i@example.com,,,", "unbalanced_quotes"),
        };
        var csv = string.Join("\n", lines.Select(l => l.Item1)) + "\n";

        var status = await Api.ImportCsvAsync(incident, csv);

        (status.RowsRead, status.Accepted, status.Rejected).ShouldBe((9, 0, 9));
        (await Api.ErrorsAsync(status)).Select(e => (int.Parse(e[0], System.Globalization.CultureInfo.InvariantCulture), e[2]))
            .ShouldBe(lines.Select((l, i) => (i + 1, l.Item2)).Skip(1));
        (await Api.PeopleAsync(incident)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time_and_publishes_nothing()
    {
        await Api.CaptureOutboxAsync();
        var incident = await Api.OpenIncidentAsync();
        var file = Encoding.UTF8.GetBytes(Csv(Fake("fr", 25)));
        var first = await Api.ImportAsync(incident, file);
        var before = (await Api.PeopleAsync(incident)).ToDictionary(p => p.Row.Id, p => p.Row.Record);
        // The portal's copy of the first import goes out with its batch, once the outbox dispatcher has published it.
        // Only this incident's messages count: the class shares one host, and an earlier test's consumers may still publish.
        async Task<List<(string Type, string Body)>> OursAsync() =>
            [.. (await Api.CapturedAsync()).Where(m => m.Body.Contains(incident.ToString(), StringComparison.Ordinal))];
        await Eventually.TrueAsync(async () => (await OursAsync()).Any(m => m.Type.Contains("PortalPartiesProjected", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30));
        var published = (await OursAsync()).Count;

        var second = await Api.ImportAsync(incident, file);

        (first.Accepted, first.Updated).ShouldBe((25, 0));
        (second.RowsRead, second.Accepted, second.Updated, second.Rejected).ShouldBe((25, 0, 25, 0));
        var after = (await Api.PeopleAsync(incident)).ToDictionary(p => p.Row.Id, p => p.Row.Record);
        after.Count.ShouldBe(25);
        after.ShouldAllBe(p => before[p.Key].Equals(p.Value));
        (await OursAsync()).Count.ShouldBe(published);
    }

    [Fact]
    public async Task The_errors_CSV_never_contains_a_rejected_or_dropped_value()
    {
        var incident = await Api.OpenIncidentAsync();
        var canaries = new[] { "Zebulon-Canary", "canary@@bad", "+99-CANARY", "1999-13-45", "Q7CANARYX" };
        var csv = $"""
            external_id,given_name,family_name,email,phone,date_of_birth,address_line1,country,secret_column
            ,{canaries[0]},X,x@example.com,,,,,{canaries[4]}
            C-2,Ann,Lee,{canaries[1]},{canaries[2]},{canaries[3]},1-2-3 Ginza,JP,
            C-3,"{canaries[0]},x,,,,,,
            """;

        var status = await Api.ImportCsvAsync(incident, csv + "\n");

        (status.Accepted, status.Rejected, status.Warnings).ShouldBe((1, 2, 4));
        var errors = await Api.Http.GetStringAsync(new Uri($"/api/v1/incidents/{incident}/imports/{status.Id}/errors", UriKind.Relative));
        foreach (var canary in canaries)
        {
            errors.ShouldNotContain(canary, Case.Insensitive);
        }
    }

    [Fact]
    public async Task Each_batch_lists_ids_and_purposes_with_no_personal_data_and_intake_seals_a_projection_when_asked()
    {
        await Api.CaptureOutboxAsync();
        var incident = await Api.OpenIncidentAsync();
        var csv = """
            external_id,given_name,family_name,email,phone,address_line1,locality,postcode,country,date_of_birth,language
            EXT-CANARY-1,Quentin-Canary,Zyxwvut,quentin.canary@example.com,+33 6 12 34 56 78,77 Rue Canari,Lyon,69001,FR,1971-07-07,fr
            EXT-CANARY-2,Rosalind-Canary,Zyxwvut,,,88 Canary Wharf,London,E14 5AB,GB,,en
            """;

        await Api.ImportCsvAsync(incident, csv + "\n");

        var messages = (await Api.CapturedAsync()).Where(m => m.Body.Contains(incident.ToString(), StringComparison.Ordinal)).ToList();
        foreach (var canary in new[] { "CANARY", "Zyxwvut", "612345678", "Rue Canari", "69001", "1971-07-07", "Lyon", "E14" })
        {
            messages.ShouldAllBe(m => !m.Body.Contains(canary, StringComparison.OrdinalIgnoreCase));
        }

        var imported = messages.Single(m => m.Type.Contains("AffectedPartiesImported", StringComparison.Ordinal));
        JsonDocument.Parse(imported.Body).RootElement.GetProperty("count").GetInt32().ShouldBe(2);
        messages.ShouldNotContain(m => m.Type.Contains("AffectedPartiesProjected", StringComparison.Ordinal), "no projection travels with the import");
        // One message for the batch: each person once, with the purposes their row allows and no ciphertext.
        var listed = JsonDocument.Parse(messages.Single(m => m.Type.Contains("AffectedPartiesListed", StringComparison.Ordinal)).Body).RootElement;
        listed.GetProperty("holderId").GetGuid().ShouldBe(InternalHolders.Notifications);
        var parties = listed.GetProperty("parties").EnumerateArray().ToList();
        parties.Count.ShouldBe(2);
        var purposes = parties.Select(p => p.GetProperty("purposes").EnumerateArray().Select(o => o.GetString()!).Order().ToList()).ToList();
        purposes.ShouldContain(p => p.SequenceEqual(new[] { "email", "mail-house", "sms" }));
        purposes.ShouldContain(p => p.SequenceEqual(new[] { "mail-house" }));
        var quentin = parties.Single(p => p.GetProperty("purposes").GetArrayLength() == 3);
        quentin.GetProperty("language").GetString().ShouldBe("fr");
        var quentinId = quentin.GetProperty("personId").GetGuid();
        var rosalindId = parties.Single(p => p.GetProperty("purposes").GetArrayLength() == 1).GetProperty("personId").GetGuid();

        // Asked over the bus, intake seals what each person has, and only that: no email for a person without one, nothing
        // for a purpose notifications does not hold.
        var sealedProjections = await SealAsync(incident, (quentinId, "email"), (quentinId, "sms"), (rosalindId, "email"), (rosalindId, "mail-house"),
            (quentinId, "portal"), (Guid.NewGuid(), "email"));
        sealedProjections.Select(p => (p.PersonId, p.Purpose)).Order()
            .ShouldBe(new[] { (quentinId, "email"), (quentinId, "sms"), (rosalindId, "mail-house") }.Order());
        sealedProjections.ShouldAllBe(p => !Encoding.UTF8.GetString(p.Projection).Contains("Canary", StringComparison.OrdinalIgnoreCase));

        // The holder decrypts its projection and finds only what the purpose allows.
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldCipher>();
        var fields = await cipher.DecryptRecordAsync(EncryptedField.FromBytes(sealedProjections.Single(p => p.Purpose == "email").Projection),
            quentinId, "projection:email");
        fields["email"].Reveal().ShouldBe("quentin.canary@example.com");
        fields["language"].Reveal().ShouldBe("fr");
        fields.ContainsKey("phone").ShouldBeFalse();
        fields.ContainsKey("date_of_birth").ShouldBeFalse();
        Imports.ReferenceCodes.IsValid(fields["reference_code"].Reveal()).ShouldBeTrue();
        var letter = await cipher.DecryptRecordAsync(EncryptedField.FromBytes(sealedProjections.Single(p => p.Purpose == "mail-house").Projection),
            rosalindId, "projection:mail-house");
        letter["address_line1"].Reveal().ShouldBe("88 Canary Wharf");
        letter.ContainsKey("email").ShouldBeFalse();

        // Only the notifications holder is served.
        (await SealForAsync(Guid.NewGuid(), incident, (quentinId, "email"))).ShouldBeEmpty();

        // Once the incident's keys are shredded (a purge deletes the rows after), nobody's projection can be made.
        await scope.ServiceProvider.GetRequiredService<NotifyHub.Privacy.Retention.IncidentShredder>()
            .ShredAsync(incident, new NotifyHub.Privacy.Access.PrivacyActor(Guid.NewGuid(), ["Admin"]));
        (await SealAsync(incident, (quentinId, "email"), (rosalindId, "mail-house"))).ShouldBeEmpty();
    }

    private Task<IReadOnlyList<SealedProjection>> SealAsync(Guid incident, params (Guid Person, string Purpose)[] wanted) =>
        SealForAsync(InternalHolders.Notifications, incident, wanted);

    private async Task<IReadOnlyList<SealedProjection>> SealForAsync(Guid holder, Guid incident, params (Guid Person, string Purpose)[] wanted)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var response = await scope.ServiceProvider.GetRequiredService<IRequestClient<SealProjections>>().GetResponse<ProjectionsSealed>(
            new SealProjections(incident, holder, [.. wanted.Select(w => new WantedProjection(w.Person, w.Purpose))]));
        return response.Message.Projections;
    }

    [Fact]
    public async Task Each_batch_gives_the_portal_its_people_indexes_and_a_projection_of_language_and_categories_only()
    {
        await Api.CaptureOutboxAsync();
        var incident = await Api.OpenIncidentAsync();
        var csv = """
            external_id,given_name,family_name,email,postcode,country,date_of_birth,language,data_categories
            P-1,Oriane,Vasseur,oriane@example.com,75011,FR,1980-02-29,fr,email;date_of_birth
            P-2,Kenta,Mori,kenta@example.com,,JP,,ja,email
            """;

        await Api.ImportCsvAsync(incident, csv + "\n");

        var people = (await Api.PeopleAsync(incident)).ToDictionary(p => p.Row.Id);
        var portal = await PortalPartiesAsync(incident);
        portal.Count.ShouldBe(1);
        var parties = portal[0].GetProperty("parties").EnumerateArray().ToList();
        parties.Select(p => p.GetProperty("personId").GetGuid()).Order().ShouldBe(people.Keys.Order());
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var projections = scope.ServiceProvider.GetRequiredService<Privacy.Purposes.ProjectionBuilder>();
        foreach (var party in parties)
        {
            var stored = people[party.GetProperty("personId").GetGuid()].Row;
            party.GetProperty("referenceCodeIndex").GetBytesFromBase64().ShouldBe(stored.ReferenceCodeIndex.ToArray());
            Bytes(party, "dateOfBirthIndex").ShouldBe(stored.DateOfBirthIndex?.ToArray());
            Bytes(party, "postcodeIndex").ShouldBe(stored.PostcodeIndex?.ToArray());
            var opened = await projections.OpenAsync(
                EncryptedField.FromBytes(party.GetProperty("projection").GetBytesFromBase64()), stored.Id, Privacy.Purposes.Purpose.Portal);
            opened.Fields.Keys.ShouldBe([Privacy.Purposes.PersonalField.Language, Privacy.Purposes.PersonalField.DataCategories], ignoreOrder: true);
            opened.Fields[Privacy.Purposes.PersonalField.Language].Reveal().ShouldBe(stored.Language);
            opened.Fields[Privacy.Purposes.PersonalField.DataCategories].Reveal().ShouldBe(stored.DataCategories);
        }

        people.Values.Single(p => p["external_id"] == "P-2").Row.DateOfBirthIndex.ShouldBeNull();

        // A re-import that changes one person's language sends the portal that person alone, with the new language.
        await Api.ImportCsvAsync(incident, csv.Replace(",ja,", ",en,", StringComparison.Ordinal) + "\n");

        portal = await PortalPartiesAsync(incident);
        portal.Count.ShouldBe(2);
        var changed = portal[1].GetProperty("parties").EnumerateArray().Single();
        var kenta = people.Values.Single(p => p["external_id"] == "P-2").Row.Id;
        changed.GetProperty("personId").GetGuid().ShouldBe(kenta);
        var reopened = await projections.OpenAsync(
            EncryptedField.FromBytes(changed.GetProperty("projection").GetBytesFromBase64()), kenta, Privacy.Purposes.Purpose.Portal);
        reopened.Fields[Privacy.Purposes.PersonalField.Language].Reveal().ShouldBe("en");

        static byte[]? Bytes(JsonElement party, string name) =>
            party.GetProperty(name).ValueKind == JsonValueKind.Null ? null : party.GetProperty(name).GetBytesFromBase64();
    }

    private async Task<List<JsonElement>> PortalPartiesAsync(Guid incident) =>
        [.. (await Api.CapturedAsync())
            .Where(m => m.Type.Contains("PortalPartiesProjected", StringComparison.Ordinal) && m.Body.Contains(incident.ToString(), StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Body).RootElement)];

    [Fact]
    public async Task An_update_that_changes_contact_data_lists_the_person_again_and_their_projection_is_sealed_from_the_new_data()
    {
        await Api.CaptureOutboxAsync();
        var incident = await Api.OpenIncidentAsync();
        await Api.ImportCsvAsync(incident, "external_id,given_name,email\nC-1,Ann,ann@example.com\nC-2,Bob,bob@example.com\n");
        var before = (await Api.CapturedAsync()).Count(m => m.Body.Contains(incident.ToString(), StringComparison.Ordinal));

        var status = await Api.ImportCsvAsync(incident, "external_id,given_name,email\nC-1,Ann,ann@new.example.com\nC-2,Bob,bob@example.com\n");

        status.Updated.ShouldBe(2);
        var after = (await Api.CapturedAsync()).Where(m => m.Body.Contains(incident.ToString(), StringComparison.Ordinal)).Skip(before).ToList();
        var listed = JsonDocument.Parse(after.Single(m => m.Type.Contains("AffectedPartiesListed", StringComparison.Ordinal)).Body).RootElement;
        listed.GetProperty("parties").GetArrayLength().ShouldBe(1);
        JsonDocument.Parse(after.Single(m => m.Type.Contains("AffectedPartiesImported", StringComparison.Ordinal)).Body)
            .RootElement.GetProperty("count").GetInt32().ShouldBe(1);

        var ann = listed.GetProperty("parties")[0].GetProperty("personId").GetGuid();
        var projection = (await SealAsync(incident, (ann, "email"))).ShouldHaveSingleItem();
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var fields = await scope.ServiceProvider.GetRequiredService<FieldCipher>().DecryptRecordAsync(
            EncryptedField.FromBytes(projection.Projection), ann, "projection:email");
        fields["email"].Reveal().ShouldBe("ann@new.example.com");
    }

    private async Task ShouldHaveStoredAsync(Guid incident, List<Row> rows)
    {
        var people = (await Api.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!);
        people.Count.ShouldBe(rows.Count);
        foreach (var row in rows)
        {
            var person = people[row.Id];
            person["given_name"].ShouldBe(row.Given);
            person["family_name"].ShouldBe(row.Family);
            person["address_line1"].ShouldBe(row.Address);
            person.Row.Language.ShouldBe(row.Language);
        }
    }

    internal sealed record Row(string Id, string Given, string Family, string Email, string Phone, string Address, string Country, string Language);

    internal static List<Row> Fake(string locale, int count)
    {
        var faker = new Faker(locale) { Random = new Randomizer(count * 31 + locale.Length) };
        var country = locale switch { "ja" => "JP", "fr" => "FR", _ => "US" };
        return [.. Enumerable.Range(0, count).Select(i => new Row(
            $"{locale}-{i}-{faker.Random.AlphaNumeric(6)}", faker.Name.FirstName(), faker.Name.LastName(), faker.Internet.Email(),
            "", faker.Address.StreetAddress(), country, locale == "en" ? "en" : locale))];
    }

    internal static string Csv(IEnumerable<Row> rows)
    {
        var csv = new StringBuilder("external_id,given_name,family_name,email,phone,address_line1,country,language\r\n");
        foreach (var r in rows)
        {
            csv.Append(string.Join(",", new[] { r.Id, r.Given, r.Family, r.Email, r.Phone, r.Address, r.Country, r.Language }.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
