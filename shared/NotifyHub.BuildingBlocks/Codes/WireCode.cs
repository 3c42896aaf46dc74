using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NotifyHub.BuildingBlocks.Codes;

/// <summary>
/// The public spelling of an enum's members (<c>first-available</c>, <c>sms</c>): the
/// <see cref="JsonStringEnumMemberNameAttribute"/> on each member, the same one System.Text.Json writes, so the
/// API, the database (<see cref="WireCodeConverter{TEnum}"/>) and the pages never spell a value two ways, and
/// renaming a member never changes a stored or published code.
/// </summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "One frozen table per enum type, built once; call sites name the enum: WireCode<Channel>.Parse(code).")]
public static class WireCode<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Codes = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(f => (TEnum)f.GetValue(null)!, f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{f.Name} has no [JsonStringEnumMemberName]: give it its wire code."));

    // Input from people and files is forgiving about case and spaces; what is written is always the code itself.
    private static readonly FrozenDictionary<string, TEnum> Members =
        Codes.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code, in the enum's declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TEnum>().Select(value => Codes[value])];

    public static string Of(TEnum value) => Codes.TryGetValue(value, out var code)
        ? code
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    public static bool TryParse([NotNullWhen(true)] string? code, out TEnum value)
    {
        value = default;
        return code is not null && Members.TryGetValue(code.Trim(), out value);
    }

    public static TEnum Parse(string code) =>
        TryParse(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");
}
