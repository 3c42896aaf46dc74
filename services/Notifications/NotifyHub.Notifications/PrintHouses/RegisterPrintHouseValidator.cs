using FluentValidation;
using NotifyHub.BuildingBlocks.Codes;

namespace NotifyHub.Notifications.PrintHouses;

public sealed partial class RegisterPrintHouseValidator : AbstractValidator<RegisterPrintHouse>
{
    public RegisterPrintHouseValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(120);
        RuleFor(c => c.KeyKind).Must(k => WireCode<PrintHouseKeyKind>.TryParse(k, out _))
            .WithMessage(c => $"Unknown key kind '{c.KeyKind}'. Use one of: {string.Join(", ", WireCode<PrintHouseKeyKind>.All)}.");
        RuleFor(c => c.PublicKey).NotEmpty().MaximumLength(64_000);
        RuleFor(c => c.PublicKey).Must(k => !k.Contains("PRIVATE KEY", StringComparison.Ordinal))
            .WithMessage("This is a private key: register only the print house's public key or certificate.")
            .When(c => c.PublicKey is not null);
        When(c => c.Sftp is not null, () =>
        {
            RuleFor(c => c.Sftp!.Host).NotEmpty().MaximumLength(255);
            RuleFor(c => c.Sftp!.Port).InclusiveBetween(1, 65535).When(c => c.Sftp!.Port is not null);
            RuleFor(c => c.Sftp!.User).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Sftp!.HostKeySha256).NotEmpty().Matches(HostKey())
                .WithMessage("The host key fingerprint must be as ssh-keygen -lf prints it: SHA256: and 43 base64 characters.");
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}$")]
    private static partial System.Text.RegularExpressions.Regex HostKey();
}
