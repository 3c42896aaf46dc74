using FluentValidation;

namespace NotifyHub.Console.Vendors;

public sealed class RegisterVendorValidator : AbstractValidator<RegisterVendor>
{
    public RegisterVendorValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(200)
        .Must(VendorName.IsClean).WithErrorCode("invalid_vendor_name")
        .WithMessage("Vendor names cannot contain markup (< >), control characters, or invisible and direction-changing characters.");
}
