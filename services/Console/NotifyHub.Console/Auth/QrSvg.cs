using QRCoder;
using System.Globalization;
using System.Text;

namespace NotifyHub.Console.Auth;

/// <summary>
/// A QR code as one SVG path with presentation attributes only (no style attribute, no image URL), so it renders
/// under the pages' strict Content-Security-Policy and scales with the page.
/// </summary>
internal static class QrSvg
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        // Four modules of white around the code: scanners need the quiet zone to find it.
        var escaped = System.Net.WebUtility.HtmlEncode(label);
        var box = size + 8;
        return $"<svg class=\"qr\" role=\"img\" aria-label=\"{escaped}\" viewBox=\"-4 -4 {box} {box}\" width=\"200\" height=\"200\" " +
            $"shape-rendering=\"crispEdges\" xmlns=\"http://www.w3.org/2000/svg\"><rect x=\"-4\" y=\"-4\" width=\"{box}\" height=\"{box}\" fill=\"#fff\"/>" +
            $"<path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
