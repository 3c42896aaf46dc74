using FluentValidation;

namespace NotifyHub.Console.Vendors;

public sealed class RegisterVendorValidator : AbstractValidator<RegisterVendor>
{
    public RegisterVendorValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
}
