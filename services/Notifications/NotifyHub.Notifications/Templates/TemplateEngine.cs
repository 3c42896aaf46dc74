using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using Fluid;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Liquid through Fluid. The parser is thread-safe and a parsed template is immutable, so both are shared, and
/// parsed templates are cached by their source: a campaign renders the same few sources for every person.
/// </summary>
public sealed class TemplateEngine
{
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly TemplateOptions _strict = new() { StrictVariables = true, StrictFilters = true };
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public bool TryParse(string source, [NotNullWhen(false)] out string? error)
    {
        if (_parsed.ContainsKey(source))
        {
            error = null;
            return true;
        }

        if (_parser.TryParse(source, out var template, out error))
        {
            _parsed.TryAdd(source, template);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Renders with every variable and filter required to exist: the message names the first unknown one. Creation
    /// refuses such a template, because at send time an unknown variable would print as nothing.
    /// </summary>
    public bool TryRenderStrict(string source, IReadOnlyDictionary<string, object> variables, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (!TryParse(source, out error))
        {
            return false;
        }

        try
        {
            Render(source, variables, NullEncoder.Default, _strict);
            return true;
        }
        catch (InvalidOperationException e)
        {
            error = e.Message;
            return false;
        }
    }

    public string Render(string source, IReadOnlyDictionary<string, object> variables, TextEncoder encoder) =>
        Render(source, variables, encoder, _options);

    private string Render(string source, IReadOnlyDictionary<string, object> variables, TextEncoder encoder, TemplateOptions options)
    {
        if (!_parsed.TryGetValue(source, out var template))
        {
            template = _parser.TryParse(source, out var parsed, out var error)
                ? parsed
                : throw new InvalidOperationException($"A stored template no longer parses: {error}");
            _parsed.TryAdd(source, template);
        }

        var context = new TemplateContext(options);
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, value);
        }

        return template.Render(context, encoder);
    }
}
