using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using System.Text;

namespace NotifyHub.BrowserTests.Support;

/// <summary>Every page test calls <see cref="AssertAccessibleAsync"/>: axe-core with the WCAG 2.2 AA rule set, target size included.</summary>
public static class Accessibility
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        results.Passes.ShouldNotBeEmpty("axe ran no rule at all on " + page.Url);
        results.Violations.ShouldBeEmpty(Describe(page.Url, results.Violations));
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{violations.Length} accessibility violation(s) on {url}:");
        foreach (var v in violations)
        {
            text.Append("\n- ").Append(v.Id).Append(": ").Append(v.Help);
            foreach (var node in v.Nodes.Take(3))
            {
                text.Append("\n    ").Append(node.Html);
            }
        }

        return text.ToString();
    }
}
