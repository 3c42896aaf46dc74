using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Liquid (see <see cref="Liquid"/>). A parsed template is immutable, so parsed templates are cached by their
/// source: a campaign renders the same few sources for every person.
/// </summary>
public sealed class TemplateEngine
{
    private readonly ConcurrentDictionary<string, Liquid.Template> _parsed = new(StringComparer.Ordinal);

    public bool TryParse(string source, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (_parsed.ContainsKey(source))
        {
            return true;
        }

        try
        {
            _parsed.TryAdd(source, Liquid.Parse(source));
            return true;
        }
        catch (Liquid.SyntaxException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Renders with every variable and filter required to exist: the message names the first unknown one. Creation
    /// refuses such a template, because at send time an unknown variable would print as nothing.
    /// </summary>
    public bool TryRenderStrict(string source, IReadOnlyDictionary<string, object> variables, [NotNullWhen(false)] out string? error)
    {
        if (!TryParse(source, out error))
        {
            return false;
        }

        try
        {
            Liquid.Render(_parsed[source], variables, null, strict: true);
            return true;
        }
        catch (Liquid.UndefinedException e)
        {
            error = e.Message;
            return false;
        }
    }

    public string Render(string source, IReadOnlyDictionary<string, object> variables, TextEncoder? encoder)
    {
        var template = _parsed.GetOrAdd(source, s => TryParse(s, out var error)
            ? _parsed[s]
            : throw new InvalidOperationException($"A stored template no longer parses: {error}"));
        return Liquid.Render(template, variables, encoder, strict: false);
    }
}
