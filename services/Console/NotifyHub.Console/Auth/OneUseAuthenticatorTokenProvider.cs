using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NotifyHub.Console.Database;
using NotifyHub.Console.Staff;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Identity's authenticator check, narrowed and made single-use: a code is accepted for the current 30-second step or
/// the one either side (clock drift), and only if its step is later than the last step this user signed in with.
/// The step is claimed with one conditional UPDATE, so two instances cannot both accept the same code.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(ConsoleDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "NotifyHubAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the user's app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        if (token is not { Length: 6 } || !token.All(char.IsAsciiDigit) ||
            await manager.GetAuthenticatorKeyAsync(user) is not { } encoded || Totp.DecodeKey(encoded) is not { } key)
        {
            return false;
        }

        var now = Totp.TimeStep(clock.GetUtcNow());
        var given = Encoding.ASCII.GetBytes(token);
        for (var step = now + 1; step >= now - 1; step--)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(key, step)), given))
            {
                continue;
            }

            var id = user.Id;
            var matched = step;
            var claimed = await db.Users
                .Where(u => u.Id == id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < matched))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, matched));
            return claimed == 1;
        }

        return false;
    }
}
