using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.Console.Staff;

/// <summary>Turns Identity's failures into the problem details every other endpoint answers with.</summary>
public static class IdentityFailures
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        if (result.Errors.FirstOrDefault(e => e.Code is "DuplicateEmail" or "DuplicateUserName") is { } duplicate)
        {
            throw ProblemException.Conflict("email_in_use", duplicate.Description);
        }

        throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e.Code), e.Description)
        {
            ErrorCode = e.Code,
        }));
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "password",
        "InvalidEmail" or "InvalidUserName" => "email",
        StaffUserValidator.VendorRequired => "vendorId",
        _ when code.Contains("Role", StringComparison.Ordinal) => "roles",
        _ => "",
    };
}
