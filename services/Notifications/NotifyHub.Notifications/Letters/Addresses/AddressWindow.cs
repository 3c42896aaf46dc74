namespace NotifyHub.Notifications.Letters.Addresses;

/// <summary>
/// Where the address block goes and what fits there: a C5/DL window envelope (DIN 5008 form B) shows 85 × 45 mm at
/// 20 mm from the left and 45 mm from the top; its top 17.7 mm hold the return address, which leaves six lines of
/// 10.5 pt text, 80 mm wide once 5 mm clear of the window's edge. A block that does not fit is refused before print,
/// never cut: a truncated street or postcode sends the letter to the wrong door, or to nobody.
/// </summary>
public static class AddressWindow
{
    /// <summary>The reason a letter fails with when its block would not fit (a delivery failure code, no personal value).</summary>
    public const string DoesNotFit = "address_does_not_fit";

    public const int MaxLines = 6;
    public const double LeftMm = 25, TopMm = 62.7, LineStepMm = 4.5, WidthMm = 80, FontSize = 10.5;

    /// <summary>True when at most <see cref="MaxLines"/> lines, each no wider than the window at the letter's font.</summary>
    public static bool Fits(IReadOnlyList<string> lines, Func<string, double> widthInPoints)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(widthInPoints);
        var width = WidthMm * 72 / 25.4;
        return lines.Count <= MaxLines && lines.All(l => widthInPoints(l) <= width);
    }
}
