using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// Liquid through Fluid. The parser is thread-safe and a parsed template is immutable, so both are shared, and
/// parsed templates are cached by their source: a campaign renders the same few sources for every person.
/// Every render is bounded in statements executed and characters produced (<see cref="TemplateLimitException"/>).
/// </summary>
public sealed partial class TemplateEngine
{
    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options;
    private readonly int _maxOutputChars;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public TemplateEngine(IOptions<NotificationsOptions> options)
    {
        _options = new TemplateOptions { MaxSteps = options.Value.TemplateMaxSteps };
        _maxOutputChars = options.Value.TemplateMaxOutputChars;
    }

    public bool TryParse(string source, [NotNullWhen(false)] out string? error)
    {
        if (_parsed.ContainsKey(source))
        {
            error = null;
            return true;
        }

        if (!_parser.TryParse(source, out var template, out error))
        {
            return false;
        }

        // Fluid counts statements, not iterations: a loop with an empty body over a huge literal range would spin
        // past MaxSteps unseen, so such a template parses into one that refuses to render, like any other over-limit one.
        foreach (Match range in LiteralRanges().Matches(source))
        {
            var from = double.Parse(range.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = double.Parse(range.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(to - from) >= _options.MaxSteps)
            {
                template = new OverLimitTemplate(
                    $"The range {range.Value} runs more than {_options.MaxSteps} statements (NotifyHub:Notifications:TemplateMaxSteps): make its loops shorter.");
                break;
            }
        }

        _parsed.TryAdd(source, template);
        return true;
    }

    /// <summary>
    /// Renders with every variable and filter required to exist: the message names the first unknown one. Creation
    /// refuses such a template, because at send time Liquid would print an unknown variable as nothing.
    /// </summary>
    public bool TryRenderStrict(string source, IReadOnlyDictionary<string, object> variables, [NotNullWhen(false)] out string? error)
    {
        if (!TryParse(source, out error))
        {
            return false;
        }

        // Fluid passes an unknown filter's input through unchanged, so filters are checked by name here.
        foreach (var filter in LiquidTags().Matches(source).SelectMany(tag => FilterNames().Matches(tag.Value)))
        {
            var name = filter.Groups["name"].Value;
            if (!_options.Filters.TryGetValue(name, out _))
            {
                error = $"Unknown filter '{name}'.";
                return false;
            }
        }

        var undefined = new List<string>();
        var context = new TemplateContext(_options);
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, Strict(name, value, undefined));
        }

        context.Undefined = name =>
        {
            undefined.Add(name);
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        };
        Bounded(_parsed[source], context, NullEncoder.Default);
        error = undefined.Count == 0 ? null : $"Unknown variable '{undefined[0]}'.";
        return error is null;
    }

    public string Render(string source, IReadOnlyDictionary<string, object> variables, TextEncoder? encoder)
    {
        if (!_parsed.TryGetValue(source, out var template))
        {
            template = TryParse(source, out var error)
                ? _parsed[source]
                : throw new InvalidOperationException($"A stored template no longer parses: {error}");
        }

        return Bounded(template, Context(variables), encoder ?? NullEncoder.Default);
    }

    /// <exception cref="TemplateLimitException">Too many statements, or too much output.</exception>
    private string Bounded(IFluidTemplate template, TemplateContext context, TextEncoder encoder)
    {
        using var writer = new BoundedWriter(_maxOutputChars);
        try
        {
            var rendering = template.RenderAsync(writer, encoder, context);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("The maximum", StringComparison.Ordinal))
        {
            // Fluid's own limits (MaxSteps, MaxRecursion) throw this with that message.
            throw new TemplateLimitException(
                $"The template runs more than {_options.MaxSteps} statements (NotifyHub:Notifications:TemplateMaxSteps): make its loops shorter.");
        }

        return writer.ToString();
    }

    /// <summary>Nested objects (<c>incident.*</c>) report unknown members too, which Fluid's own dictionaries do not.</summary>
    private FluidValue Strict(string path, object value, List<string> undefined) => value is IReadOnlyDictionary<string, object> members
        ? new DictionaryValue(new RecordingMembers(path, members.ToDictionary(m => m.Key, m => Strict($"{path}.{m.Key}", m.Value, undefined)), undefined))
        : FluidValue.Create(value, _options);

    private sealed class RecordingMembers(string path, Dictionary<string, FluidValue> members, List<string> undefined) : IFluidIndexable
    {
        public int Count => members.Count;

        public IEnumerable<string> Keys => members.Keys;

        public bool TryGetValue(string name, [MaybeNullWhen(false)] out FluidValue value)
        {
            if (members.TryGetValue(name, out value))
            {
                return true;
            }

            undefined.Add($"{path}.{name}");
            return false;
        }
    }

    private TemplateContext Context(IReadOnlyDictionary<string, object> variables)
    {
        var context = new TemplateContext(_options);
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, value);
        }

        return context;
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex LiquidTags();

    [GeneratedRegex(@"\|\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FilterNames();

    [GeneratedRegex(@"\(\s*(?<from>-?\d+)\s*\.\.\s*(?<to>-?\d+)\s*\)")]
    private static partial Regex LiteralRanges();
}
