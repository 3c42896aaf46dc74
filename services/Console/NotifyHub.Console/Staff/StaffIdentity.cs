using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Console.Auth;
using NotifyHub.Console.Database;

namespace NotifyHub.Console.Staff;

public static class StaffIdentity
{
    public const int MinimumPasswordLength = 12;

    /// <summary>
    /// Identity's user, role and sign-in services over the console database. The authentication schemes
    /// (bearer tokens, cookies) are registered once for every module in BuildingBlocks, not here.
    /// </summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddUserValidator<StaffUserValidator>()
            .AddEntityFrameworkStores<ConsoleDbContext>()
            .AddUserStore<StaffUserStore>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(OneUseAuthenticatorTokenProvider.Name);
        return services;
    }

    private static void Configure(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.SignIn.RequireConfirmedEmail = false;
        options.SignIn.RequireConfirmedAccount = false;

        // TOTP codes are single-use and checked against a narrower window than Identity's default provider.
        options.Tokens.AuthenticatorTokenProvider = OneUseAuthenticatorTokenProvider.Name;
    }
}
