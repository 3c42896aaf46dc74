using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Console.Auth;

/// <summary>
/// Rate limits on failed sign-ins, per client address and per account (by email, known or not, so a 429 says nothing
/// about whether the account exists). Counted in the console database with one atomic upsert, so every instance
/// behind a load balancer sees the same counts.
/// </summary>
public sealed class SignInThrottle(ConsoleDbContext db, TimeProvider clock, IOptions<AccountSecurityOptions> options)
{
    private AccountSecurityOptions Settings => options.Value;

    public static string AddressOf(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>How long the caller must wait, or null when it may try.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string address, string? email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = (now - Settings.SignInWindow).UtcTicks;
        var keys = Keys(address, email);
        var counts = await db.SignInFailures.AsNoTracking()
            .Where(c => keys.Contains(c.Key) && c.WindowStart > since)
            .ToListAsync(cancellationToken);
        var blocking = counts.Where(c => c.Failures >= (c.Key.StartsWith("ip:", StringComparison.Ordinal)
            ? Settings.SignInFailuresPerAddress
            : Settings.SignInFailuresPerAccount)).ToList();
        return blocking.Count == 0
            ? null
            : blocking.Max(c => new DateTimeOffset(c.WindowStart, TimeSpan.Zero) + Settings.SignInWindow) - now;
    }

    /// <summary>
    /// Counts one failure for the address and the account. A window opens at the first failure and lasts
    /// <see cref="AccountSecurityOptions.SignInWindow"/>; a failure after it has closed opens a new one.
    /// </summary>
    public async Task RecordFailureAsync(string address, string? email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var since = now - Settings.SignInWindow.Ticks;
        var names = StoreNames.Of<SignInFailureCount>(db);
        string key = names.Column(nameof(SignInFailureCount.Key)),
            window = names.Column(nameof(SignInFailureCount.WindowStart)),
            failures = names.Column(nameof(SignInFailureCount.Failures));
        foreach (var k in Keys(address, email))
        {
            // One statement, atomic on both providers; SET sees the old row, so both CASEs test the same window.
#pragma warning disable EF1002, EF1003 // table and column names come from the model, values are parameters
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {names.Table} AS t ({key}, {window}, {failures}) VALUES ({{0}}, {{1}}, 1) " +
                $"ON CONFLICT ({key}) DO UPDATE SET " +
                $"{failures} = CASE WHEN t.{window} > {{2}} THEN t.{failures} + 1 ELSE 1 END, " +
                $"{window} = CASE WHEN t.{window} > {{2}} THEN t.{window} ELSE excluded.{window} END",
                [k, now, since], cancellationToken);
#pragma warning restore EF1002, EF1003
        }

        // Closed windows are worthless; dropping them keeps a password-spraying run from growing the table for ever.
        await db.SignInFailures.Where(c => c.WindowStart <= since).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>An admin's unlock also lifts the account's rate limit.</summary>
    public Task ForgetAccountAsync(string email, CancellationToken cancellationToken)
    {
        var account = AccountKey(email);
        return db.SignInFailures.Where(c => c.Key == account).ExecuteDeleteAsync(cancellationToken);
    }

    public static IResult TooManyAttempts(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = ProblemExceptionHandler.RetryAfterSeconds(retryAfter);
        context.Response.Headers.RetryAfter = seconds;
        return ProblemException.TooManyRequests("too_many_attempts", $"Too many failed sign-ins: try again in {seconds} s.", retryAfter)
            .ToHttpResult();
    }

    private static List<string> Keys(string address, string? email)
    {
        var keys = new List<string>(2) { "ip:" + Hash(address) };
        if (!string.IsNullOrWhiteSpace(email))
        {
            keys.Add(AccountKey(email));
        }

        return keys;
    }

    private static string AccountKey(string email) => "acct:" + Hash(email.Trim().ToUpperInvariant());

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("notifyhub sign-in throttle\0" + value)))[..40];
}
