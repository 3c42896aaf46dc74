using System.Text;

namespace NotifyHub.BuildingBlocks.Pdf;

/// <summary>
/// Greedy line breaking for one paragraph: Latin words break at spaces (an over-long word at any character), CJK
/// text between any two characters, except that closing punctuation (。、」）etc.) never starts a line.
/// </summary>
public static class TextWrapper
{
    private const string NoLineStart = "。、，．・：；？！」』）〕］｝〉》ー…‥々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}";

    public static IReadOnlyList<string> Wrap(string paragraph, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var unit in Units(paragraph))
        {
            var candidate = line.ToString() + unit;
            if (line.Length > 0 && measure(candidate.TrimEnd()) > width && !(unit.Length == 1 && NoLineStart.Contains(unit[0], StringComparison.Ordinal)))
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (unit.Trim().Length == 0)
                {
                    continue;
                }
            }

            if (line.Length == 0 && measure(unit) > width)
            {
                // A word wider than the line (a long URL): split it wherever it fits.
                foreach (var c in unit)
                {
                    if (line.Length > 0 && measure(line.ToString() + c) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(c);
                }

                continue;
            }

            line.Append(unit);
        }

        lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    /// <summary>Words with their trailing space, or single CJK characters.</summary>
    private static IEnumerable<string> Units(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c >= '\u2E80')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return c.ToString();
                continue;
            }

            word.Append(c);
            if (c == ' ')
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
