using Microsoft.AspNetCore.Http.HttpResults;
using NotifyHub.BuildingBlocks.Web;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Sign-in failures: 401 problem details with a stable <c>code</c>. A wrong password and an unknown email
/// get the same answer, and so does a locked or disabled account: the API never says whether an account exists.
/// </summary>
internal static class LoginProblems
{
    public static ProblemHttpResult InvalidCredentials() =>
        Unauthorized("invalid_credentials", "Sign-in failed", "The email or password is not correct.");

    public static ProblemHttpResult TwoFactorRequired() =>
        Unauthorized("two_factor_required", "Two-factor code required",
            "This account uses two-factor sign-in: send the code from the authenticator app as twoFactorCode.");

    public static ProblemHttpResult InvalidTwoFactorCode() =>
        Unauthorized("invalid_two_factor_code", "Sign-in failed", "The two-factor code is not correct or has expired.");

    public static ProblemHttpResult InvalidRefreshToken() =>
        Unauthorized("invalid_refresh_token", "Refresh failed", "The refresh token is not valid any more: sign in again.");

    private static ProblemHttpResult Unauthorized(string code, string title, string detail) =>
        ProblemException.Unauthenticated(code, title, detail).ToHttpResult();
}
