using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Console.Database;
using NotifyHub.Console.Staff;
using NotifyHub.Console.Vendors;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace NotifyHub.Testing;

/// <summary>
/// Staff users for tests: created through the app's own <see cref="UserManager{TUser}"/> (same password policy,
/// same validators) and signed in through the real <c>POST /api/v1/auth/login</c>, so a test's client carries
/// exactly the token a person would get.
/// </summary>
public static class StaffAccounts
{
    public const string Password = "Test-Passw0rd!Staff";

    /// <summary>A client signed in as the bootstrap admin (<see cref="NotifyHubFactory.AdminEmail"/>).</summary>
    public static Task<HttpClient> AdminClientAsync(NotifyHubFactory factory) =>
        ClientAsync(factory, NotifyHubFactory.AdminEmail, NotifyHubFactory.AdminPassword);

    /// <summary>
    /// A client signed in as a new privacy officer: incidents, imports, templates and campaigns are theirs, not the
    /// admin's (separation of duties).
    /// </summary>
    public static Task<HttpClient> PrivacyOfficerClientAsync(NotifyHubFactory factory) => ClientForAsync(factory, Roles.PrivacyOfficer);

    /// <summary>
    /// A client signed in as a new user with <paramref name="role"/>. Agents and supervisors get
    /// <paramref name="vendorId"/>, or a new active vendor when it is null.
    /// </summary>
    public static async Task<HttpClient> ClientForAsync(NotifyHubFactory factory, string role, Guid? vendorId = null)
    {
        var account = await CreateAsync(factory, role, vendorId);
        return await ClientAsync(factory, account.Email, account.Password);
    }

    /// <summary>
    /// Creates a user with <paramref name="role"/> and password <see cref="Password"/>. For agents and supervisors the
    /// vendor is created (active) when it does not exist yet, so tests can pick their own vendor ids.
    /// </summary>
    public static async Task<Account> CreateAsync(NotifyHubFactory factory, string role, Guid? vendorId = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Roles.VendorScoped.Contains(role))
        {
            vendorId ??= Guid.NewGuid();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        if (vendorId is { } id)
        {
            await EnsureVendorAsync(scope.ServiceProvider.GetRequiredService<ConsoleDbContext>(), id);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@notifyhub.test";
        var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, VendorId = vendorId, CreatedAt = TimeProvider.System.GetUtcNow() };
        Succeed(await users.CreateAsync(user, Password));
        Succeed(await users.AddToRoleAsync(user, role));
        return new Account(user.Id, email, Password, vendorId);
    }

    /// <summary>
    /// Signs in through the API; fails the test with the response body when sign-in is refused. With
    /// <paramref name="followRedirects"/> false the client shows a page's redirect (to sign-in, to "forbidden") as it is.
    /// </summary>
    public static async Task<HttpClient> ClientAsync(NotifyHubFactory factory, string email, string password, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = followRedirects, BaseAddress = factory.ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            client.Dispose();
            throw new InvalidOperationException(
                $"Sign-in as {email} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var token = await response.Content.ReadFromJsonAsync<Tokens>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private static async Task EnsureVendorAsync(ConsoleDbContext db, Guid id)
    {
        if (await db.Vendors.FindAsync(id) is null)
        {
            db.Vendors.Add(new Vendor { Id = id, Name = $"Test vendor {id:N}", CreatedAt = TimeProvider.System.GetUtcNow(), CreatedBy = "tests" });
            await db.SaveChangesAsync();
        }
    }

    private static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A user made by <see cref="CreateAsync"/>.</summary>
    public sealed record Account(Guid Id, string Email, string Password, Guid? VendorId);

    private sealed record Tokens(string AccessToken, long ExpiresIn, string RefreshToken);
}
