using NotifyHub.BuildingBlocks.Codes;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotifyHub.BuildingBlocks.Tests.Codes;

/// <summary>An enum's code is the one on the member: the same for the API, the serializer and the database.</summary>
public sealed class Wire_codes
{
    private static readonly JsonSerializerOptions WithStringEnums = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Codes_come_from_the_members_attributes_in_declaration_order()
    {
        WireCode<Pace>.All.ShouldBe(["first-available", "all_at_once"]);
        Pace.FirstAvailable.ToCode().ShouldBe("first-available");
        JsonSerializer.Serialize(Pace.AllAtOnce, WithStringEnums).ShouldBe("\"all_at_once\"");
    }

    [Theory]
    [InlineData("first-available", Pace.FirstAvailable)]
    [InlineData(" First-Available ", Pace.FirstAvailable)]
    [InlineData("ALL_AT_ONCE", Pace.AllAtOnce)]
    public void Parsing_forgives_case_and_spaces(string code, Pace expected) =>
        WireCode<Pace>.Parse(code).ShouldBe(expected);

    [Theory]
    [InlineData("FirstAvailable")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void A_member_name_or_number_is_not_a_code(string? code) =>
        WireCode<Pace>.TryParse(code, out _).ShouldBeFalse();

    [Fact]
    public void The_converter_stores_the_code_and_reads_it_back()
    {
        var converter = new WireCodeConverter<Pace>();

        converter.ConvertToProvider(Pace.AllAtOnce).ShouldBe("all_at_once");
        converter.ConvertFromProvider("first-available").ShouldBe(Pace.FirstAvailable);
    }

    [Fact]
    public void An_enum_with_a_member_left_without_a_code_is_refused()
    {
        var refused = Should.Throw<TypeInitializationException>(() => WireCode<Unmarked>.Of(Unmarked.Spelled));

        refused.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("Unmarked.Forgotten");
    }

    public enum Pace
    {
        [JsonStringEnumMemberName("first-available")]
        FirstAvailable = 1,

        [JsonStringEnumMemberName("all_at_once")]
        AllAtOnce = 2,
    }

    public enum Unmarked
    {
        [JsonStringEnumMemberName("spelled")]
        Spelled = 1,

        Forgotten = 2,
    }
}
