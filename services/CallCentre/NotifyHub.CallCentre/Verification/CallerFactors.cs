using NotifyHub.CallCentre.Support;
using NotifyHub.Privacy.BlindIndexes;

namespace NotifyHub.CallCentre.Verification;

/// <summary>
/// The request's factors, checked for shape before anything is looked up. A malformed value is the agent's typing
/// error and is answered as such (and not counted as a failed verification); a well-formed wrong value is a no-match.
/// </summary>
internal sealed record CallerFactors(string? ReferenceCode, string? DateOfBirth, string? Postcode, string? Phone)
{
    public static CallerFactors From(VerifyCaller request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var factors = new CallerFactors(
            Check(request.ReferenceCode, BlindIndexKind.ReferenceCode, "invalid_reference_code", "referenceCode"),
            Check(request.DateOfBirth, BlindIndexKind.DateOfBirth, "invalid_date_of_birth", "dateOfBirth"),
            Check(request.Postcode, BlindIndexKind.Postcode, "invalid_postcode", "postcode"),
            Check(request.Phone, BlindIndexKind.Phone, "invalid_phone", "phone"));
        var count = new[] { factors.DateOfBirth, factors.Postcode, factors.Phone }.Count(f => f is not null);
        if (factors.ReferenceCode is not null && count == 0)
        {
            throw Problems.Invalid("factor_required", "A reference code needs one more factor: dateOfBirth, postcode or phone.");
        }

        if (factors.ReferenceCode is null && count < 3)
        {
            throw Problems.Invalid("factors_required", "Without a reference code, phone, dateOfBirth and postcode are all needed.");
        }

        return factors;
    }

    public IEnumerable<string> Names()
    {
        if (ReferenceCode is not null)
        {
            yield return "reference_code";
        }

        if (DateOfBirth is not null)
        {
            yield return "date_of_birth";
        }

        if (Postcode is not null)
        {
            yield return "postcode";
        }

        if (Phone is not null)
        {
            yield return "phone";
        }
    }

    private static string? Check(string? value, BlindIndexKind kind, string code, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > 64 || !BlindIndexNormalizer.TryNormalize(kind, value, out _))
        {
            throw Problems.Invalid(code, $"{name} is not valid: {BlindIndexNormalizer.Rule(kind)}.");
        }

        return value;
    }
}
