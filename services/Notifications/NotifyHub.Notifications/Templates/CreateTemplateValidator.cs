using FluentValidation;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;
using System.Text.RegularExpressions;

namespace NotifyHub.Notifications.Templates;

public sealed partial class CreateTemplateValidator : AbstractValidator<CreateTemplate>
{
    public CreateTemplateValidator(TemplateEngine engine, TemplateRenderer renderer)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Channel).Must(c => WireCode<Channel>.TryParse(c, out _))
            .WithMessage(c => $"Unknown channel '{c.Channel}'. Use one of: {string.Join(", ", WireCode<Channel>.All)}.");
        RuleFor(c => c.DefaultLanguage).NotEmpty().Must(IsLanguageTag).WithMessage("'defaultLanguage' must be a BCP 47 tag such as en, fr or ja.");
        RuleFor(c => c.Variants).NotEmpty();
        RuleFor(c => c.Variants)
            .Must(v => v.Select(x => x.Language?.Trim().ToLowerInvariant()).Distinct().Count() == v.Count)
            .WithMessage("Each language may have one variant only.")
            .Must((c, v) => v.Any(x => string.Equals(x.Language?.Trim(), c.DefaultLanguage?.Trim(), StringComparison.OrdinalIgnoreCase)))
            .WithMessage("A variant in the default language is required: it is what people without a variant in their language get.")
            .When(c => c.Variants is { Count: > 0 });
        RuleForEach(c => c.Variants).ChildRules(variant =>
        {
            variant.RuleFor(v => v.Language).NotEmpty().Must(IsLanguageTag).WithMessage("'language' must be a BCP 47 tag such as en, fr or ja.");
            variant.RuleFor(v => v.Body).NotEmpty().MaximumLength(100_000);
            variant.RuleFor(v => v.Body).Must(Parses(engine)).WithMessage(ParseError(engine, v => v.Body, "body"));
            variant.RuleFor(v => v).Must(v => Unknown(engine, renderer, v) is null)
                .WithName("variables").WithMessage(v => Unknown(engine, renderer, v)!)
                .When(v => Parses(engine)(v.Body) && Parses(engine)(v.Subject ?? "") && Parses(engine)(v.Text ?? ""));
            variant.RuleFor(v => v.Subject).Must(Parses(engine)!).WithMessage(ParseError(engine, v => v.Subject!, "subject"))
                .When(v => v.Subject is not null);
            variant.RuleFor(v => v.Text).Must(Parses(engine)!).WithMessage(ParseError(engine, v => v.Text!, "text"))
                .When(v => v.Text is not null);
        });
        RuleForEach(c => c.Variants).Must(v => !string.IsNullOrWhiteSpace(v.Subject))
            .WithMessage((_, v) => $"Variant '{v.Language}': an email needs a subject.")
            .When(c => WireCode<Channel>.TryParse(c.Channel, out var ch) && ch == Channel.Email);
        RuleForEach(c => c.Variants).Must(v => v.Subject is null && v.Text is null)
            .WithMessage((_, v) => $"Variant '{v.Language}': an SMS has a body only (no subject or text).")
            .When(c => WireCode<Channel>.TryParse(c.Channel, out var ch) && ch == Channel.Sms);
    }

    /// <summary>The first unknown variable or filter in any part of the variant, rendered for a sample person; null when none.</summary>
    private static string? Unknown(TemplateEngine engine, TemplateRenderer renderer, TemplateVariantInput variant)
    {
        var variables = renderer.SampleVariables(variant.Language);
        foreach (var (name, source) in new[] { ("subject", variant.Subject), ("body", variant.Body), ("text", variant.Text) })
        {
            if (!string.IsNullOrEmpty(source) && !engine.TryRenderStrict(source, variables, out var error))
            {
                return $"Variant '{variant.Language}': the {name} uses something templates do not have: {error} " +
                    "Variables: given_name, family_name, reference_code, portal_url, helpline, categories, incident.title, incident.summary, incident.discovered_at.";
            }
        }

        return null;
    }

    private static Func<string, bool> Parses(TemplateEngine engine) =>
        source => string.IsNullOrEmpty(source) || engine.TryParse(source, out _);

    private static Func<TemplateVariantInput, string> ParseError(
        TemplateEngine engine, Func<TemplateVariantInput, string> part, string name) =>
        v => engine.TryParse(part(v), out var error)
            ? ""
            : $"Variant '{v.Language}': the {name} is not valid Liquid: {error}";

    private static bool IsLanguageTag(string? tag) => tag is not null && LanguageTag().IsMatch(tag.Trim());

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
