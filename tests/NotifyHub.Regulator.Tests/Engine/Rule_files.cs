using NotifyHub.Regulator.Rules;

namespace NotifyHub.Regulator.Tests.Engine;

/// <summary>The shipped files load, and a bad file is refused with one line naming the file and the field.</summary>
public sealed class Rule_files
{
    private const string Good = """
        jurisdiction: XX
        name: Test
        law: Test Act s 1
        authority: Test Commissioner
        timeZone: Europe/Paris
        language: en
        appliesTo: [XX]
        obligations:
          - id: notice
            kind: regulator-notice
            deadline: { within: 3, unit: calendar-days, from: awareness }
            source: Test Act s 2
        """;

    [Fact]
    public void Every_jurisdiction_of_the_brief_has_a_rule_file()
    {
        Support.Rules.Book.Files.Select(f => f.Jurisdiction).Order().ShouldBe(
            ["AU", "BR", "CA", "EU", "GB", "IN", "JP", "NZ", "SG", "US", "US-CA", "US-MA", "US-NY", "US-TX"]);
        Support.Rules.Book.Files.Single(f => f.Jurisdiction == "EU").MemberStates!.Count.ShouldBe(27);
    }

    [Fact]
    public void A_well_formed_file_loads()
    {
        RuleFileLoader.Parse("xx.yaml", Good).Obligations.Single().Source.ShouldBe("Test Act s 2");
    }

    [Theory]
    [InlineData("\n    source: Test Act s 2", "", "obligations[0].source", "is missing")]
    [InlineData("authority: Test Commissioner\n", "", "authority", "is missing")]
    [InlineData("timeZone: Europe/Paris", "timeZone: Mars/Olympus", "timeZone", "not an IANA time zone")]
    [InlineData("unit: calendar-days", "unit: fortnights", "obligations[0].deadline.unit", "'fortnights'")]
    [InlineData("from: awareness", "from: full-moon", "obligations[0].deadline.from", "'full-moon'")]
    [InlineData("kind: regulator-notice", "kind: carrier-pigeon", "obligations[0].kind", "'carrier-pigeon'")]
    [InlineData("language: en", "language: en\nthreshold: 5", "threshold", "cannot be read")]
    public void A_bad_file_is_refused_naming_the_file_and_the_field(string replace, string with, string field, string problem)
    {
        var error = Should.Throw<RuleFileException>(() => RuleFileLoader.Parse("xx.yaml", Good.Replace(replace, with, StringComparison.Ordinal)));

        error.File.ShouldBe("xx.yaml");
        error.Field.ShouldBe(field);
        error.Message.ShouldStartWith($"Rule file xx.yaml: field '{field}'");
        error.Message.ShouldContain(problem);
        error.Message.ShouldNotContain("\n");
    }
}
