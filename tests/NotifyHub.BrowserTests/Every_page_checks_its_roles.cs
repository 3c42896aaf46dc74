using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BrowserTests.Support;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Net;

namespace NotifyHub.BrowserTests;

/// <summary>
/// Each page as each role and as nobody: the page itself, the sign-in page (anonymous), or the 403 page (a role the
/// page's API would refuse too). Plain HTTP with the sign-in cookie, no browser needed.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class Every_page_checks_its_roles(PagesHost host)
{
    private const string Shown = "page";
    private const string SignIn = "sign-in";
    private const string Forbidden = "forbidden";

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.PrivacyOfficer)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Auditor)]
    public async Task Each_page_answers_each_role_as_its_api_does(string? role)
    {
        var incident = await TestIncidents.OpenAsync(host.App);
        using var client = role is null
            ? await CookieClient.CreateAsync(host.BaseAddress)
            : await SignedInAsync(role);
        // Expected from the API's own policy, so the pages follow whatever roles it names.
        var privacyOfficer = role is not null && await PolicyAllowsAsync(Roles.PrivacyOfficer, role);
        var expectations = new (string Path, string Expected)[]
        {
            ("/console", role is null ? SignIn : Shown),
            ("/console/preferences", Shown),
            ("/console/password", role is null ? SignIn : Shown),
            ("/console/incidents", role is null ? SignIn : privacyOfficer ? Shown : Forbidden),
            ("/console/incidents/new", role is null ? SignIn : privacyOfficer ? Shown : Forbidden),
            ($"/console/incidents/{incident}", role is null ? SignIn : privacyOfficer ? Shown : Forbidden),
            ($"/console/incidents/{incident}/imports/new", role is null ? SignIn : privacyOfficer ? Shown : Forbidden),
        };

        var wrong = new List<string>();
        foreach (var (path, expected) in expectations)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var actual = Outcome(response);
            if (actual != expected)
            {
                wrong.Add($"{path}: expected {expected}, got {actual}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_incident_is_not_found()
    {
        using var client = await SignedInAsync(Roles.PrivacyOfficer);

        var response = await client.GetAsync(new Uri($"/console/incidents/{Guid.NewGuid()}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_forbidden_page_answers_403()
    {
        using var client = await SignedInAsync(Roles.Agent);

        var response = await client.GetAsync(new Uri("/console/forbidden", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<bool> PolicyAllowsAsync(string policyName, string role)
    {
        var policy = await host.App.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(policyName);
        return policy!.Requirements.OfType<RolesAuthorizationRequirement>().All(r => r.AllowedRoles.Contains(role));
    }

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var account = await StaffAccounts.CreateAsync(host.App, role);
        return await CookieClient.CreateAsync(host.BaseAddress, account.Email, account.Password);
    }

    private static string Outcome(HttpResponseMessage response) => (response.StatusCode, response.Headers.Location?.ToString() ?? "") switch
    {
        (HttpStatusCode.OK, _) => Shown,
        (HttpStatusCode.Redirect, var l) when l.Contains("/console/sign-in", StringComparison.Ordinal) => SignIn,
        (HttpStatusCode.Redirect, var l) when l.Contains("/console/forbidden", StringComparison.Ordinal) => Forbidden,
        (HttpStatusCode.Forbidden, _) => Forbidden,
        var (status, location) => $"{(int)status} {location}",
    };
}
