using System.Globalization;
using System.Text;

namespace NotifyHub.Notifications.Letters;

/// <summary>One print-house batch: a PDF of up to <c>BatchSize</c> letters and its manifest. Clear text: encrypt before it leaves memory.</summary>
public sealed record LetterBatch(Guid BatchId, byte[] Pdf, IReadOnlyList<ManifestRow> Manifest)
{
    public int Pages => Manifest.Count == 0 ? 0 : Manifest[^1].LastPage;

    /// <summary><c>letter_id,first_page,last_page,page_count,country</c>, one row per letter in PDF order.</summary>
    public string ManifestCsv()
    {
        var csv = new StringBuilder("letter_id,first_page,last_page,page_count,country\n");
        foreach (var row in Manifest)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.LetterId},{row.FirstPage},{row.LastPage},{row.PageCount},{row.Country}\n");
        }

        return csv.ToString();
    }
}
