using FluentValidation;
using NotifyHub.BuildingBlocks.Auth;

namespace NotifyHub.Console.Staff;

/// <summary>
/// The shape of a new account. Password strength is Identity's (see <see cref="StaffIdentity"/>), so the API,
/// the CLI and the bootstrap admin share one policy.
/// </summary>
public sealed class CreateStaffValidator : AbstractValidator<CreateStaff>
{
    public CreateStaffValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256)
            .Must(e => StaffEmail.IsValid(e?.Trim())).WithErrorCode("invalid_email")
            .WithMessage("Use a full email address with a dotted domain and no trailing dot, e.g. name@example.org.");
        RuleFor(c => c.Password).NotEmpty();
        RuleFor(c => c.Roles).NotEmpty();
        RuleForEach(c => c.Roles).Must(r => Roles.All.Contains(r))
            .WithMessage((_, role) => $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.VendorId).NotNull().When(IsVendorStaff)
            .WithMessage("Agents and supervisors must belong to a vendor.");
        RuleFor(c => c.VendorId).Null().When(c => !IsVendorStaff(c))
            .WithMessage("Only agents and supervisors belong to a vendor.");

        // A vendor's staff holding Admin, PrivacyOfficer or Auditor would see past the vendor scoping.
        RuleFor(c => c.Roles).Must(r => r.All(Roles.VendorScoped.Contains)).When(IsVendorStaff)
            .WithMessage("Agents and supervisors cannot also hold Admin, PrivacyOfficer or Auditor.");
    }

    private static bool IsVendorStaff(CreateStaff c) => c.Roles?.Any(Roles.VendorScoped.Contains) == true;
}
