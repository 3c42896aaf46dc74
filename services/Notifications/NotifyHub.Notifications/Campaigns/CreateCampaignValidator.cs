using FluentValidation;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.Notifications.Delivery;

namespace NotifyHub.Notifications.Campaigns;

public sealed class CreateCampaignValidator : AbstractValidator<CreateCampaign>
{
    public CreateCampaignValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Channels).NotEmpty();
        RuleForEach(c => c.Channels).Must(c => WireCode<Channel>.TryParse(c, out _))
            .WithMessage((_, c) => $"Unknown channel '{c}'. Use one of: {string.Join(", ", WireCode<Channel>.All)}.");
        RuleFor(c => c.Channels).Must(c => c.Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count)
            .WithMessage("Each channel may appear once.").When(c => c.Channels is not null);
        RuleFor(c => c.Strategy).Must(s => WireCode<CampaignStrategy>.TryParse(s, out _))
            .WithMessage(c => $"Unknown strategy '{c.Strategy}'. Use one of: {string.Join(", ", WireCode<CampaignStrategy>.All)}.");
        RuleForEach(c => c.Templates).Must(t => WireCode<Channel>.TryParse(t.Key, out _))
            .WithMessage((_, t) => $"Unknown channel '{t.Key}' in templates.");
    }
}
