using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using NotifyHub.Console.Database;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using System.Security.Cryptography;
using System.Text;

namespace NotifyHub.Console.Staff;

/// <summary>
/// Identity's EF store, except for the two second-factor secrets it would keep in clear in <c>AspNetUserTokens</c>:
/// the authenticator key is encrypted through NotifyHub.Privacy (AES-GCM under a data key wrapped by the root key,
/// bound to the user's id), and recovery codes are kept only as salted hashes — they are checked, never shown again.
/// </summary>
public sealed class StaffUserStore(ConsoleDbContext context, FieldCipher cipher, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole<Guid>, ConsoleDbContext, Guid>(context, describer)
{
    /// <summary>The owner of the data key for staff secrets: a fixed id, not an incident or a vendor.</summary>
    public static readonly Guid SecretsKeyOwner = new("5ec0e7a1-0000-4c0d-9a7e-57aff5ec0e7a");

    private const string Provider = "[AspNetUserStore]";
    private const string KeyName = "AuthenticatorKey";
    private const string CodesName = "RecoveryCodes";
    private const string EncryptedPrefix = "enc1:";
    private const string HashedPrefix = "sha256:";

    public override async Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var sealedKey = await cipher.EncryptAsync(SecretsKeyOwner, KeyKind.IncidentData, user.Id, KeyName, Sensitive.Of(key), cancellationToken);
        await SetTokenAsync(user, Provider, KeyName, EncryptedPrefix + Convert.ToBase64String(sealedKey.ToArray()), cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await GetTokenAsync(user, Provider, KeyName, cancellationToken);
        if (stored is null || !stored.StartsWith(EncryptedPrefix, StringComparison.Ordinal))
        {
            // A key written before encryption: usable until the next setup replaces it.
            return stored;
        }

        var field = EncryptedField.FromBytes(Convert.FromBase64String(stored[EncryptedPrefix.Length..]));
        return (await cipher.DecryptAsync(field, user.Id, KeyName, cancellationToken)).Reveal();
    }

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        var hashes = recoveryCodes.Select(c => HashedPrefix + Hash(user, c));
        return SetTokenAsync(user, Provider, CodesName, string.Join(';', hashes), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = (await GetTokenAsync(user, Provider, CodesName, cancellationToken) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var given = HashedPrefix + Hash(user, code);
        var match = stored.FirstOrDefault(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(given)));
        if (match is null)
        {
            return false;
        }

        stored.Remove(match);
        await SetTokenAsync(user, Provider, CodesName, string.Join(';', stored), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await GetTokenAsync(user, Provider, CodesName, cancellationToken) ?? "";
        return stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    // Salted with the user id so equal codes of two users differ; the codes' ~50 random bits make a fast hash enough.
    private static string Hash(StaffUser user, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"notifyhub recovery code\0{user.Id:N}\0{code.Trim().ToUpperInvariant()}")));
}
