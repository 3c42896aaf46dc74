using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Privacy.BlindIndexes;
using System.Globalization;

namespace NotifyHub.Portal.Status;

/// <summary>
/// Rejects what cannot be a check before anything is looked up: these answers depend only on the request's shape,
/// never on stored data, so they reveal nothing and are not counted as guesses.
/// </summary>
public static class StatusInput
{
    public const int MaxFactorLength = 32;

    public static void Validate(StatusRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ReferenceCode))
        {
            throw ProblemException.Invalid("reference_code_required", "Enter the reference code from your letter, email or text message.");
        }

        if (request.ReferenceCode.Length > ReferenceCodeReader.MaxTypedLength)
        {
            throw ProblemException.Invalid("reference_code_too_long",
                $"A reference code has 16 letters and numbers; what was entered is longer than {ReferenceCodeReader.MaxTypedLength} characters.");
        }

        var hasDob = !string.IsNullOrWhiteSpace(request.DateOfBirth);
        var hasPostcode = !string.IsNullOrWhiteSpace(request.Postcode);
        if (!hasDob && !hasPostcode)
        {
            throw ProblemException.Invalid("factor_required", "Enter your date of birth or your postcode.");
        }

        if (hasDob)
        {
            if (request.DateOfBirth!.Length > MaxFactorLength
                || !DateOnly.TryParseExact(request.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw ProblemException.Invalid("invalid_date_of_birth", "Enter your date of birth as year-month-day, for example 1981-03-14.");
            }

            if (date > today || date.Year < 1900)
            {
                throw ProblemException.Invalid("invalid_date_of_birth", "Your date of birth must be a real date in the past.");
            }
        }

        if (hasPostcode && (request.Postcode!.Length > MaxFactorLength || !BlindIndexNormalizer.TryNormalize(BlindIndexKind.Postcode, request.Postcode, out _)))
        {
            throw ProblemException.Invalid("invalid_postcode", "Enter your postcode using letters and numbers only.");
        }
    }
}
