using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NotifyHub.BuildingBlocks.Codes;

/// <summary>Stores an enum as its wire code: <c>property.HasConversion&lt;WireCodeConverter&lt;Channel&gt;&gt;()</c>.</summary>
public sealed class WireCodeConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => WireCode<TEnum>.Of(value), code => WireCode<TEnum>.Parse(code))
    where TEnum : struct, Enum;
