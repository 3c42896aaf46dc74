using System.Text;

namespace NotifyHub.Intake.Tests;

/// <summary>Each rule of issue 5, through the real API on the embedded defaults (SQLite, in-memory bus).</summary>
public sealed class Import_rules(IntakeHost host) : IClassFixture<IntakeHost>
{
    private const string Header = "external_id,given_name,family_name,email,phone,address_line1,country,date_of_birth,language,data_categories";
    private IntakeClient Api => host.Client;

    [Fact]
    public async Task A_row_with_id_name_and_a_channel_is_accepted_and_stored_encrypted()
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Amélie,Durand,amelie@example.fr,,,,,fr,email\n");

        (status.RowsRead, status.Accepted, status.Updated, status.Rejected, status.Warnings).ShouldBe((1, 1, 0, 0, 0));
        var person = (await Api.PeopleAsync(incident)).ShouldHaveSingleItem();
        person["external_id"].ShouldBe("C-1");
        person["given_name"].ShouldBe("Amélie");
        person["email"].ShouldBe("amelie@example.fr");
        person.Row.Language.ShouldBe("fr");
        person.Row.DataCategories.ShouldBe("email");
        person.Row.EmailIndex.ShouldNotBeNull();
        Imports.ReferenceCodes.IsValid(person["reference_code"]).ShouldBeTrue();
    }

    [Fact]
    public async Task An_invalid_email_or_phone_is_dropped_with_a_warning_and_the_row_kept_on_its_other_channels()
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident,
            $"{Header}\nC-1,Ann,Lee,not-an-email,+81 90-1234-5678,,JP,,,\nC-2,Bob,Ray,bob@example.com,12,,,,,\n");

        (status.Accepted, status.Rejected, status.Warnings).ShouldBe((2, 0, 2));
        var people = (await Api.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!);
        people["C-1"]["email"].ShouldBeNull();
        people["C-1"]["phone"].ShouldBe("+819012345678");
        people["C-2"]["phone"].ShouldBeNull();
        var errors = await Api.ErrorsAsync(status);
        errors.Select(e => (e[0], e[1], e[2])).ShouldBe([("2", "email", "invalid_email"), ("3", "phone", "invalid_phone")]);
    }

    [Theory]
    [InlineData("090-1234-5678", "JP", "+819012345678")]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("+33 6 12 34 56 78", "JP", "+33612345678")]
    public async Task Phones_are_normalised_to_E164_with_the_row_country_as_default_region(string phone, string country, string e164)
    {
        var incident = await Api.OpenIncidentAsync();

        await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Ann,Lee,,\"{phone}\",,{country},,,\n");

        (await Api.PeopleAsync(incident)).ShouldHaveSingleItem()["phone"].ShouldBe(e164);
    }

    [Fact]
    public async Task A_national_phone_without_a_country_is_dropped()
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Ann,Lee,ann@example.com,090-1234-5678,,,,,\n");

        status.Warnings.ShouldBe(1);
        (await Api.PeopleAsync(incident)).ShouldHaveSingleItem()["phone"].ShouldBeNull();
    }

    [Theory]
    [InlineData("  Ann.Lee@Example.COM  ", "Ann.Lee@example.com")]
    [InlineData("taro@ドメイン.テスト", "taro@xn--eckwd4c7c.xn--zckzah")]
    [InlineData("marie@Café.fr", "marie@xn--caf-dma.fr")]
    public async Task Emails_are_trimmed_with_lower_case_punycode_domains(string email, string expected)
    {
        var incident = await Api.OpenIncidentAsync();

        await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Ann,Lee,{email},,,,,,\n");

        (await Api.PeopleAsync(incident)).ShouldHaveSingleItem()["email"].ShouldBe(expected);
    }

    [Theory]
    [InlineData("1985-02-30")]
    [InlineData("2999-01-01")]
    [InlineData("12/05/1985")]
    [InlineData("1985-2-3")]
    public async Task A_date_of_birth_that_is_not_a_real_past_date_is_dropped_with_a_warning(string dob)
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Ann,Lee,ann@example.com,,,,{dob},,\n");

        (status.Accepted, status.Warnings).ShouldBe((1, 1));
        (await Api.ErrorsAsync(status)).ShouldHaveSingleItem()[2].ShouldBe("invalid_date_of_birth");
        var person = (await Api.PeopleAsync(incident)).ShouldHaveSingleItem();
        person["date_of_birth"].ShouldBeNull();
        person.Row.DateOfBirthIndex.ShouldBeNull();
    }

    [Fact]
    public async Task A_valid_date_of_birth_is_kept_and_blind_indexed()
    {
        var incident = await Api.OpenIncidentAsync();

        await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Ann,Lee,ann@example.com,,,,1985-02-28,,\n");

        var person = (await Api.PeopleAsync(incident)).ShouldHaveSingleItem();
        person["date_of_birth"].ShouldBe("1985-02-28");
        person.Row.DateOfBirthIndex.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_same_external_id_updates_the_person_within_a_file_and_across_imports()
    {
        var incident = await Api.OpenIncidentAsync();

        var first = await Api.ImportCsvAsync(incident,
            $"{Header}\nC-1,Ann,Lee,ann@example.com,,,,,,\nC-1,Ann,Lee,ann.lee@example.com,,,,,,\n");
        var code = (await Api.PeopleAsync(incident)).ShouldHaveSingleItem()["reference_code"];
        var second = await Api.ImportCsvAsync(incident, $"{Header}\nC-1,Ann,Lee-Smith,ann.lee@example.com,,,,,,\n");

        (first.Accepted, first.Updated).ShouldBe((1, 1));
        (second.Accepted, second.Updated).ShouldBe((0, 1));
        var person = (await Api.PeopleAsync(incident)).ShouldHaveSingleItem();
        person["family_name"].ShouldBe("Lee-Smith");
        person["email"].ShouldBe("ann.lee@example.com");
        person["reference_code"].ShouldBe(code);
    }

    [Fact]
    public async Task Unknown_columns_are_dropped_and_reported_once()
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident,
            "external_id,given_name,email,shoe_size,loyalty_tier\nC-1,Ann,ann@example.com,38,gold\nC-2,Bob,bob@example.com,44,silver\n");

        (status.Accepted, status.Warnings).ShouldBe((2, 1));
        var warning = (await Api.ErrorsAsync(status)).ShouldHaveSingleItem();
        (warning[0], warning[1], warning[2]).ShouldBe(("1", "column 4;column 5", "unknown_column"));
        (await Api.PeopleAsync(incident)).ShouldAllBe(p => !p.Fields.ContainsKey("shoe_size"));
    }

    [Fact]
    public async Task Unknown_categories_warn_and_rows_without_a_valid_category_inherit_the_incidents()
    {
        var incident = await Api.OpenIncidentAsync("name", "payment_card");

        var status = await Api.ImportCsvAsync(incident,
            $"{Header}\nC-1,Ann,Lee,ann@example.com,,,,,,email;shoe_size\nC-2,Bob,Ray,bob@example.com,,,,,,shoe_size\nC-3,Cy,Ng,cy@example.com,,,,,,\n");

        (status.Accepted, status.Warnings).ShouldBe((3, 2));
        (await Api.ErrorsAsync(status)).Select(e => (e[0], e[2])).ShouldBe([("2", "unknown_data_category"), ("3", "unknown_data_category")]);
        var people = (await Api.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!, p => p.Row.DataCategories);
        people["C-1"].ShouldBe("email");
        people["C-2"].ShouldBe("name;payment_card");
        people["C-3"].ShouldBe("name;payment_card");
    }

    [Theory]
    [InlineData(",Ann,Lee,ann@example.com,,,,,,", "missing_external_id", "external_id")]
    [InlineData("C-1,,,ann@example.com,,,,,,", "missing_name", "given_name")]
    [InlineData("C-1,Ann,Lee,,,,,,,", "no_usable_channel", "")]
    [InlineData("C-1,Ann,Lee,,,1 Main St,,,,", "no_usable_channel", "")]
    [InlineData("C-1,Ann,Lee,bad-email,,,,,,", "no_usable_channel", "")]
    [InlineData("C-1,\"Ann,Lee,ann@example.com,,,,,,", "unbalanced_quotes", "given_name")]
    [InlineData("C-1,An\"n,Lee,ann@example.com,,,,,,", "unbalanced_quotes", "given_name")]
    [InlineData("C-1,\"Ann\"x,Lee,ann@example.com,,,,,,", "unbalanced_quotes", "given_name")]
    [InlineData("C-1,Ann,Lee,ann@example.com,,,", "wrong_field_count", "")]
    [InlineData("C-1,A\0nn,Lee,ann@example.com,,,,,,", "nul_byte", "given_name")]
    public async Task Rows_that_break_a_rule_are_rejected_with_line_and_code_and_the_file_goes_on(string row, string code, string column)
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident, $"{Header}\nOK-1,Zoe,Ito,zoe@example.com,,,,,,\n{row}\nOK-2,Yan,Ito,yan@example.com,,,,,,\n");

        (status.RowsRead, status.Accepted, status.Rejected).ShouldBe((3, 2, 1));
        var error = (await Api.ErrorsAsync(status)).ShouldHaveSingleItem();
        (error[0], error[1], error[2]).ShouldBe(("3", column, code));
        (await Api.PeopleAsync(incident)).Select(p => p["external_id"]).Order().ShouldBe(["OK-1", "OK-2"]);
    }

    [Fact]
    public async Task Two_stray_quotes_a_few_lines_apart_reject_only_their_own_lines()
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident,
            $"{Header}\nC-1,\"Ann,Lee,ann@example.com,,,,,,\nC-2,Bob,Ray,bob@example.com,,,,,,\nC-3,\"Cy,Ng,cy@example.com,,,,,,\nC-4,Di,Ng,di@example.com,,,,,,\n");

        (status.RowsRead, status.Accepted, status.Rejected).ShouldBe((4, 2, 2));
        (await Api.ErrorsAsync(status)).Select(e => (e[0], e[2])).ShouldBe([("2", "unbalanced_quotes"), ("4", "unbalanced_quotes")]);
    }

    [Fact]
    public async Task A_field_over_4KB_rejects_its_row()
    {
        var incident = await Api.OpenIncidentAsync();
        var longName = new string('a', 4097);

        var status = await Api.ImportCsvAsync(incident, $"{Header}\nC-1,{longName},Lee,ann@example.com,,,,,,\nC-2,Bob,Ray,bob@example.com,,,,,,\n");

        (status.Accepted, status.Rejected).ShouldBe((1, 1));
        (await Api.ErrorsAsync(status)).ShouldHaveSingleItem()[2].ShouldBe("field_too_long");
    }

    [Fact]
    public async Task Quoted_fields_may_hold_commas_quotes_and_line_breaks()
    {
        var incident = await Api.OpenIncidentAsync();

        var status = await Api.ImportCsvAsync(incident,
            "external_id,given_name,address_line1,address_line2,country\r\nC-1,\"Ann \"\"Nan\"\"\",\"1, Main St\",\"Flat 2\r\nBlock B\",GB\r\nC-2,Bob,2 High St,,GB\r\n");

        (status.Accepted, status.Rejected).ShouldBe((2, 0));
        var people = (await Api.PeopleAsync(incident)).ToDictionary(p => p["external_id"]!);
        people["C-1"]["given_name"].ShouldBe("Ann \"Nan\"");
        people["C-1"]["address_line1"].ShouldBe("1, Main St");
        people["C-1"]["address_line2"].ShouldBe("Flat 2\r\nBlock B");
    }

    [Fact]
    public async Task Invalid_bytes_in_the_declared_encoding_reject_the_row_not_the_file()
    {
        var incident = await Api.OpenIncidentAsync();
        var bytes = new List<byte>(Encoding.UTF8.GetBytes($"{Header}\nC-1,Ann,Lee,ann@example.com,,,,,,\nC-2,B"));
        bytes.AddRange([0xC3, 0x28]); // an invalid UTF-8 sequence
        bytes.AddRange(Encoding.UTF8.GetBytes("ob,Ray,bob@example.com,,,,,,\nC-3,Cy,Ng,cy@example.com,,,,,,\n"));

        var status = await Api.ImportAsync(incident, [.. bytes]);

        (status.Accepted, status.Rejected).ShouldBe((2, 1));
        var error = (await Api.ErrorsAsync(status)).ShouldHaveSingleItem();
        (error[0], error[1], error[2]).ShouldBe(("3", "given_name", "invalid_encoding"));
    }
}
