using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Throttling;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Portal.Callbacks;

/// <summary>The body of <c>POST /api/v1/portal/callback-codes/check</c>.</summary>
public sealed record CallbackCodeRequest(string? CallbackCode);

/// <summary>Whether a callback code is one an agent was given.</summary>
public sealed record CallbackCodeResult(bool Genuine);

/// <summary>
/// "Was that call really from us?": the typed code's SHA-256 (normalised as the call centre hashes it) against the
/// hashes announced with each callback. A code that is not genuine counts as a failure, like a status check, so the
/// check cannot be used to guess codes.
/// </summary>
public sealed class CallbackCodeCheck(PortalDbContext db, PortalThrottle throttle)
{
    public async Task<(CallbackCodeResult? Result, TimeSpan? RetryAfter)> CheckAsync(CallbackCodeRequest request, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = request.CallbackCode?.Normalize(NormalizationForm.FormKC)
            .Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (string.IsNullOrEmpty(typed))
        {
            throw ProblemException.Invalid("callback_code_required", "Enter the code the caller read to you.");
        }

        if (typed.Length != 8 || !typed.All(char.IsAsciiLetterOrDigit))
        {
            throw ProblemException.Invalid("invalid_callback_code", "A callback code has 8 letters and numbers, like 7KQ2-M9XD.");
        }

        var clientKey = await throttle.ClientKeyAsync(context, ct);
        if (await throttle.RetryAfterAsync(clientKey, ct) is { } wait)
        {
            return (null, wait);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(typed));
        var genuine = await db.CallbackCodes.AsNoTracking().AnyAsync(c => c.CodeHash == hash, ct);
        if (!genuine)
        {
            await throttle.RecordFailureAsync(clientKey, ct);
            await db.SaveChangesAsync(ct);
        }

        return (new CallbackCodeResult(genuine), null);
    }
}
