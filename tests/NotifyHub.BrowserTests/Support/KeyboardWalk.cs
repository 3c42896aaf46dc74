using Microsoft.Playwright;

namespace NotifyHub.BrowserTests.Support;

/// <summary>
/// Tabs through a page from the top: every focusable element must be reached, and each must show a visible focus
/// indicator (an outline or a box shadow) when it has focus. A radio group counts once, as browsers give it one Tab stop.
/// </summary>
public static class KeyboardWalk
{
    private const string MarkFocusable = """
        () => {
          const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
          // A radio group is one Tab stop (its checked radio, else its first); the arrow keys move within it.
          const radioStop = e => {
            if (e.type !== 'radio' || !e.name) return true;
            const group = [...(e.form ?? document).querySelectorAll('input[type=radio]')].filter(r => r.name === e.name);
            return e === (group.find(r => r.checked) ?? group[0]);
          };
          const all = [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && radioStop(e));
          all.forEach((e, i) => e.setAttribute('data-keyboard-walk', String(i)));
          // Start from the top even when the page put the focus further down (autofocus): focusing a throw-away
          // element at the very start moves the browser's focus-navigation starting point there.
          const start = document.createElement('span');
          start.tabIndex = -1;
          document.body.prepend(start);
          start.focus();
          start.remove();
          return all.length;
        }
        """;

    private const string Focused = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return { index: -1, visible: false, html: '' };
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          return { index: Number(e.getAttribute('data-keyboard-walk') ?? -2), visible: outline || shadow, html: e.outerHTML.slice(0, 160) };
        }
        """;

    public static async Task AssertKeyboardWalkAsync(this IPage page)
    {
        var count = await page.EvaluateAsync<int>(MarkFocusable);
        count.ShouldBeGreaterThan(0, "nothing on the page can take focus");
        var reached = new HashSet<int>();
        var previous = -1;
        // A date-time field takes several Tab presses (one per part), so allow more presses than elements.
        for (var step = 0; step < count * 6 + 10; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState>(Focused);
            if (focus.Index == previous)
            {
                continue;
            }

            if (focus.Index == -1 || reached.Contains(focus.Index))
            {
                break;
            }

            focus.Visible.ShouldBeTrue($"no visible focus indicator on {focus.Html}");
            reached.Add(focus.Index);
            previous = focus.Index;
        }

        var missed = Enumerable.Range(0, count).Where(i => !reached.Contains(i)).ToList();
        if (missed.Count > 0)
        {
            var html = await page.EvaluateAsync<string[]>(
                "ids => ids.map(i => document.querySelector(`[data-keyboard-walk=\"${i}\"]`).outerHTML.slice(0, 160))", missed);
            throw new Shouldly.ShouldAssertException($"Tab never reached {missed.Count} of {count} focusable elements:\n{string.Join("\n", html)}");
        }
    }

    private sealed class FocusState
    {
        public int Index { get; set; }

        public bool Visible { get; set; }

        public string Html { get; set; } = "";
    }
}
