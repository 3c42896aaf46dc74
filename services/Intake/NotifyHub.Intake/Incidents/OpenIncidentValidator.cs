using FluentValidation;
using NotifyHub.Contracts;

namespace NotifyHub.Intake.Incidents;

public sealed class OpenIncidentValidator : AbstractValidator<OpenIncident>
{
    public OpenIncidentValidator(TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.DiscoveredAt).NotNull()
            .LessThanOrEqualTo(_ => clock.GetUtcNow().AddMinutes(5)).WithMessage("'discoveredAt' cannot be in the future.");
        RuleFor(c => c.OccurredTo).GreaterThanOrEqualTo(c => c.OccurredFrom)
            .When(c => c.OccurredFrom is not null && c.OccurredTo is not null)
            .WithMessage("'occurredTo' must not be before 'occurredFrom'.");
        RuleFor(c => c.AwareAt)
            .LessThanOrEqualTo(_ => clock.GetUtcNow().AddMinutes(5)).WithMessage("'awareAt' cannot be in the future.");
        RuleFor(c => c.DeterminedAt)
            .LessThanOrEqualTo(_ => clock.GetUtcNow().AddMinutes(5)).WithMessage("'determinedAt' cannot be in the future.");
        RuleFor(c => c.AwareAt).LessThanOrEqualTo(c => c.DeterminedAt)
            .When(c => c.AwareAt is not null && c.DeterminedAt is not null)
            .WithMessage(IncidentClocks.OrderMessage);
        RuleFor(c => c.Cause).NotEmpty().Must(IncidentCauses.IsKnown)
            .WithMessage(c => $"Unknown cause '{c.Cause}'. Use one of: {string.Join(", ", IncidentCauses.All)}.");
        RuleFor(c => c.DataCategories).NotEmpty();
        RuleForEach(c => c.DataCategories).Must(DataCategories.IsKnown)
            .WithMessage((_, code) => $"Unknown data category '{code}'. Use one of: {string.Join(", ", DataCategories.All)}.");
        RuleFor(c => c.Jurisdictions).NotEmpty();
        RuleForEach(c => c.Jurisdictions).Must(Jurisdiction.IsValid)
            .WithMessage((_, code) => $"'{code}' is not an ISO 3166-1 alpha-2 country or subdivision code such as FR or US-CA.");
    }
}
