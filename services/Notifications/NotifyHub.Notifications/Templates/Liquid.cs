using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace NotifyHub.Notifications.Templates;

/// <summary>
/// The Liquid subset NotifyHub templates use: <c>{{ path | filter: arg }}</c>, <c>{% if %}/{% elsif %}/{% else %}</c>,
/// <c>{% unless %}</c>, <c>{% for x in list %}</c> and <c>{% comment %}</c>; filters <c>join, upcase, downcase,
/// capitalize, default, size, strip, append, prepend, first, last</c>. Written here because the registry serves
/// Fluid.Core 2.41.1 only with Parlot 2.2.1, which it cannot run against (MissingMethodException at first parse).
/// Parsed templates are immutable and shared.
/// </summary>
public static partial class Liquid
{
    public sealed class SyntaxException(string message) : Exception(message);

    public sealed class UndefinedException(string message) : InvalidOperationException(message);

    public abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record OutputNode(Expression Expression) : Node;

    private sealed record IfNode(List<(Condition? When, List<Node> Body)> Branches) : Node;

    private sealed record ForNode(string Variable, Expression Source, List<Node> Body) : Node;

    private sealed record Expression(string? Path, string? Literal, List<(string Name, List<Expression> Args)> Filters);

    private sealed record Condition(Expression Left, string? Op, Expression? Right, bool Negate);

    public sealed record Template(IReadOnlyList<Node> Nodes);

    public static Template Parse(string source)
    {
        var tokens = Tokenize(source);
        var position = 0;
        var nodes = ParseBlock(tokens, ref position, out var end);
        return end is null ? new Template(nodes) : throw new SyntaxException($"Unexpected '{{% {end} %}}' without its opening tag.");
    }

    public static string Render(Template template, IReadOnlyDictionary<string, object> variables, TextEncoder? encoder, bool strict)
    {
        var output = new StringBuilder();
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in variables)
        {
            scope[k] = v;
        }

        RenderNodes(template.Nodes, scope, output, encoder, strict);
        return output.ToString();
    }

    private static List<(bool Tag, string Text)> Tokenize(string source)
    {
        var tokens = new List<(bool, string)>();
        var i = 0;
        while (i < source.Length)
        {
            var output = source.IndexOf("{{", i, StringComparison.Ordinal);
            var tag = source.IndexOf("{%", i, StringComparison.Ordinal);
            var next = output < 0 ? tag : tag < 0 ? output : Math.Min(output, tag);
            if (next < 0)
            {
                tokens.Add((false, source[i..]));
                break;
            }

            if (next > i)
            {
                tokens.Add((false, source[i..next]));
            }

            var isTag = next == tag;
            var close = source.IndexOf(isTag ? "%}" : "}}", next + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new SyntaxException($"'{(isTag ? "{%" : "{{")}' at character {next + 1} is never closed with '{(isTag ? "%}" : "}}")}'.");
            }

            var inner = source[(next + 2)..close].Trim().Trim('-').Trim();
            tokens.Add(isTag ? (true, inner) : (false, "\0" + inner));
            i = close + 2;
        }

        return tokens;
    }

    private static List<Node> ParseBlock(List<(bool Tag, string Text)> tokens, ref int position, out string? end, params string[] ends)
    {
        var nodes = new List<Node>();
        end = null;
        while (position < tokens.Count)
        {
            var (isTag, text) = tokens[position++];
            if (!isTag)
            {
                nodes.Add(text.StartsWith('\0') ? new OutputNode(ParseExpression(text[1..])) : new TextNode(text));
                continue;
            }

            var name = text.Split(' ', 2)[0];
            var rest = text.Length > name.Length ? text[name.Length..].Trim() : "";
            if (ends.Contains(name) || name is "endif" or "endunless" or "endfor" or "else" or "elsif" or "endcomment")
            {
                end = text;
                return ends.Contains(name) ? nodes : throw new SyntaxException($"Unexpected '{{% {name} %}}'.");
            }

            nodes.Add(name switch
            {
                "if" or "unless" => (Node)ParseIf(tokens, ref position, name, rest),
                "for" => ParseFor(tokens, ref position, rest),
                "comment" => SkipComment(tokens, ref position),
                _ => throw new SyntaxException($"Unknown tag '{{% {name} %}}'."),
            });
        }

        if (ends.Length > 0)
        {
            throw new SyntaxException($"A block is never closed: expected '{{% {ends[^1]} %}}'.");
        }

        return nodes;
    }

    private static IfNode ParseIf(List<(bool Tag, string Text)> tokens, ref int position, string name, string condition)
    {
        var close = name == "if" ? "endif" : "endunless";
        var branches = new List<(Condition?, List<Node>)>();
        var current = ParseCondition(condition, negate: name == "unless");
        while (true)
        {
            var body = ParseBlock(tokens, ref position, out var end, "elsif", "else", close);
            branches.Add((current, body));
            var endName = end!.Split(' ', 2)[0];
            if (endName == close)
            {
                return new IfNode(branches);
            }

            current = endName == "elsif" ? ParseCondition(end[5..].Trim(), false) : null;
        }
    }

    private static ForNode ParseFor(List<(bool Tag, string Text)> tokens, ref int position, string header)
    {
        var match = ForHeader().Match(header);
        if (!match.Success)
        {
            throw new SyntaxException($"'{{% for {header} %}}' should read '{{% for item in list %}}'.");
        }

        var body = ParseBlock(tokens, ref position, out _, "endfor");
        return new ForNode(match.Groups[1].Value, ParseExpression(match.Groups[2].Value), body);
    }

    private static TextNode SkipComment(List<(bool Tag, string Text)> tokens, ref int position)
    {
        while (position < tokens.Count)
        {
            if (tokens[position++] is (true, "endcomment"))
            {
                return new TextNode("");
            }
        }

        throw new SyntaxException("'{% comment %}' is never closed.");
    }

    private static Condition ParseCondition(string text, bool negate)
    {
        var match = Comparison().Match(text);
        return match.Success
            ? new Condition(ParseExpression(match.Groups[1].Value), match.Groups[2].Value, ParseExpression(match.Groups[3].Value), negate)
            : new Condition(ParseExpression(text), null, null, negate);
    }

    private static Expression ParseExpression(string text)
    {
        var parts = SplitOutside(text, '|');
        var head = parts[0].Trim();
        var filters = new List<(string, List<Expression>)>();
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? part : part[..colon]).Trim();
            if (!Identifier().IsMatch(name))
            {
                throw new SyntaxException($"'{part.Trim()}' is not a filter.");
            }

            var args = colon < 0 ? [] : SplitOutside(part[(colon + 1)..], ',').Select(a => Atom(a.Trim())).ToList();
            filters.Add((name, args));
        }

        var atom = Atom(head);
        return atom with { Filters = filters };
    }

    private static Expression Atom(string text)
    {
        if (text.Length >= 2 && (text[0] == '\'' || text[0] == '"') && text[^1] == text[0])
        {
            return new Expression(null, text[1..^1], []);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return new Expression(null, text, []);
        }

        return Path().IsMatch(text) ? new Expression(text, null, []) : throw new SyntaxException($"'{text}' is not a variable or a literal.");
    }

    private static List<string> SplitOutside(string text, char separator)
    {
        var parts = new List<string>();
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (quote != '\0')
        {
            throw new SyntaxException($"A string in '{text.Trim()}' is never closed.");
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static void RenderNodes(IReadOnlyList<Node> nodes, Dictionary<string, object?> scope, StringBuilder output, TextEncoder? encoder, bool strict)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case OutputNode o:
                    output.Append(Text(Evaluate(o.Expression, scope, strict)) is var value && encoder is null ? value : encoder!.Encode(value));
                    break;
                case IfNode branches:
                    foreach (var (when, body) in branches.Branches)
                    {
                        if (when is null || Test(when, scope, strict))
                        {
                            RenderNodes(body, scope, output, encoder, strict);
                            break;
                        }
                    }

                    break;
                case ForNode loop:
                    var saved = scope.GetValueOrDefault(loop.Variable);
                    foreach (var item in Items(Evaluate(loop.Source, scope, strict)))
                    {
                        scope[loop.Variable] = item;
                        RenderNodes(loop.Body, scope, output, encoder, strict);
                    }

                    scope[loop.Variable] = saved;
                    break;
            }
        }
    }

    private static bool Test(Condition condition, Dictionary<string, object?> scope, bool strict)
    {
        var left = Evaluate(condition.Left, scope, strict);
        var result = condition.Op switch
        {
            null => Truthy(left),
            "==" => Text(left) == Text(Evaluate(condition.Right!, scope, strict)),
            "!=" => Text(left) != Text(Evaluate(condition.Right!, scope, strict)),
            _ => Text(left).Contains(Text(Evaluate(condition.Right!, scope, strict)), StringComparison.Ordinal),
        };
        return condition.Negate ? !result : result;
    }

    private static object? Evaluate(Expression expression, Dictionary<string, object?> scope, bool strict)
    {
        var value = expression.Literal ?? Lookup(expression.Path!, scope, strict);
        foreach (var (name, args) in expression.Filters)
        {
            var a = args.Select(x => Evaluate(x, scope, strict)).ToList();
            value = name switch
            {
                "join" => string.Join(a.Count > 0 ? Text(a[0]) : " ", Items(value).Select(Text)),
                "upcase" => Text(value).ToUpperInvariant(),
                "downcase" => Text(value).ToLowerInvariant(),
                "capitalize" => Text(value) is { Length: > 0 } s ? char.ToUpperInvariant(s[0]) + s[1..] : "",
                "default" => Truthy(value) ? value : a.FirstOrDefault(),
                "size" => value is string s ? s.Length : Items(value).Count(),
                "strip" => Text(value).Trim(),
                "append" => Text(value) + Text(a.FirstOrDefault()),
                "prepend" => Text(a.FirstOrDefault()) + Text(value),
                "first" => Items(value).FirstOrDefault(),
                "last" => Items(value).LastOrDefault(),
                _ when strict => throw new UndefinedException($"Unknown filter '{name}'."),
                _ => value,
            };
        }

        return value;
    }

    private static object? Lookup(string path, Dictionary<string, object?> scope, bool strict)
    {
        var segments = path.Split('.');
        object? value = scope.TryGetValue(segments[0], out var root) ? root : Missing(path, strict);
        foreach (var segment in segments.Skip(1))
        {
            value = value is IReadOnlyDictionary<string, object> map && map.TryGetValue(segment, out var next) ? next
                : value is IDictionary<string, object> dict && dict.TryGetValue(segment, out var n2) ? n2
                : segment == "size" ? Items(value).Count()
                : Missing(path, strict);
        }

        return value;
    }

    private static object? Missing(string path, bool strict) =>
        strict ? throw new UndefinedException($"Unknown variable '{path}'.") : null;

    private static IEnumerable<object?> Items(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable items => items.Cast<object?>(),
        _ => [value],
    };

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        _ => true,
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Concat(items.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(\S+)$")]
    private static partial Regex ForHeader();

    [GeneratedRegex(@"^(.+?)\s*(==|!=|contains)\s*(.+)$")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex Path();
}
