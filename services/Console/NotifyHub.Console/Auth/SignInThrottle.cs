using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.Console.Database;

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
        var (start, end) = Window();
        var keys = Keys(address, email);
        var counts = await db.SignInFailures.AsNoTracking()
            .Where(c => keys.Contains(c.Key) && c.WindowStart == start.UtcTicks)
            .Select(c => new { c.Key, c.Failures })
            .ToListAsync(cancellationToken);
        var blocked = counts.Any(c => c.Failures >= (c.Key.StartsWith("ip:", StringComparison.Ordinal)
            ? Settings.SignInFailuresPerAddress
            : Settings.SignInFailuresPerAccount));
        return blocked ? end - clock.GetUtcNow() : null;
    }

    public async Task RecordFailureAsync(string address, string? email, CancellationToken cancellationToken)
    {
        var (start, _) = Window();
        var names = StoreNames.Of<SignInFailureCount>(db);
        string key = names.Column(nameof(SignInFailureCount.Key)),
            window = names.Column(nameof(SignInFailureCount.WindowStart)),
            failures = names.Column(nameof(SignInFailureCount.Failures));
        foreach (var k in Keys(address, email))
        {
            // One statement, atomic on both providers: a new window restarts the count.
#pragma warning disable EF1002, EF1003 // table and column names come from the model, values are parameters
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {names.Table} AS t ({key}, {window}, {failures}) VALUES ({{0}}, {{1}}, 1) " +
                $"ON CONFLICT ({key}) DO UPDATE SET " +
                $"{failures} = CASE WHEN t.{window} = excluded.{window} THEN t.{failures} + 1 ELSE 1 END, " +
                $"{window} = excluded.{window}",
                [k, start.UtcTicks], cancellationToken);
#pragma warning restore EF1002, EF1003
        }

        // Old windows are worthless; dropping them keeps a password-spraying run from growing the table for ever.
        await db.SignInFailures.Where(c => c.WindowStart < start.UtcTicks).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>An admin's unlock also lifts the account's rate limit.</summary>
    public Task ForgetAccountAsync(string email, CancellationToken cancellationToken)
    {
        var account = AccountKey(email);
        return db.SignInFailures.Where(c => c.Key == account).ExecuteDeleteAsync(cancellationToken);
    }

    public static IResult TooManyAttempts(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"Too many failed sign-ins: try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts",
            extensions: new Dictionary<string, object?> { ["code"] = "too_many_attempts" });
    }

    private (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var length = Settings.SignInWindow.Ticks;
        var now = clock.GetUtcNow().UtcTicks;
        var start = new DateTimeOffset(now - (now % length), TimeSpan.Zero);
        return (start, start.AddTicks(length));
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
