using NotifyHub.Privacy.Fields;
using System.Text.Json;

namespace NotifyHub.Privacy.Tests.Fields;

public sealed class SensitiveTests
{
    private sealed record Caller(string Id, Sensitive<string> DateOfBirth);

    [Fact]
    public void ToString_and_interpolation_show_redacted()
    {
        var value = Sensitive.Of("1953-07-14");

        value.ToString().ShouldBe("[redacted]");
        $"caller said {value}".ShouldBe("caller said [redacted]");
        new Caller("c1", value).ToString().ShouldNotContain("1953");
    }

    [Fact]
    public void Json_serialisation_is_refused_directly_and_inside_other_objects()
    {
        var value = Sensitive.Of("1953-07-14");

        Should.Throw<InvalidOperationException>(() => JsonSerializer.Serialize(value)).Message.ShouldNotContain("1953");
        Should.Throw<InvalidOperationException>(() => JsonSerializer.Serialize(new Caller("c1", value)));
        Should.Throw<InvalidOperationException>(() => JsonSerializer.Serialize<object>(new Caller("c1", value)));
    }

    [Fact]
    public void Json_reading_wraps_what_a_caller_typed()
    {
        var caller = JsonSerializer.Deserialize<Caller>("""{"Id":"c1","DateOfBirth":"1953-07-14"}""")!;

        caller.DateOfBirth.Reveal().ShouldBe("1953-07-14");
    }

    [Fact]
    public void Reveal_returns_the_value()
    {
        Sensitive.Of(42).Reveal().ShouldBe(42);
    }
}
