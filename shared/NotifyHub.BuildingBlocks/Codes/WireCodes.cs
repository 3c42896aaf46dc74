namespace NotifyHub.BuildingBlocks.Codes;

public static class WireCodes
{
    /// <summary>The value's wire code (see <see cref="WireCode{TEnum}"/>).</summary>
    public static string ToCode<TEnum>(this TEnum value)
        where TEnum : struct, Enum => WireCode<TEnum>.Of(value);
}
