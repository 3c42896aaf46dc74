using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using NotifyHub.Web;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotifyHub.Host.Tests;

/// <summary>
/// Every endpoint the running app maps (read from its <see cref="EndpointDataSource"/>, so a new one is covered the
/// moment it exists) is called anonymously and as each role, with fresh ids in the route and an empty JSON object as
/// the body, and the outcome's class is compared with <see cref="Expected"/>. An endpoint missing from the table fails
/// the test with its route named: whoever adds an endpoint adds its line, and so decides who may call it.
/// </summary>
public sealed partial class Authorization_matrix
{
    /// <summary>
    /// One line per endpoint: "METHOD route" → outcomes for: anonymous, Admin, PrivacyOfficer, Supervisor, Agent,
    /// Auditor, and optionally an agent of another vendor (when absent: as Agent). Outcomes: ok (anything but 401, 403
    /// and 404), 401, 403, 404 (an authorised caller asking for an id that does not exist). A page's redirect to the
    /// sign-in page counts as 401 and to the "forbidden" page as 403, so pages sit in the same table as the API.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        //                                                                  anon Admin PO   Sup  Agent Auditor [other vendor's agent]
        ["GET /health/live"] = "ok   ok    ok   ok   ok    ok",
        ["GET /health/ready"] = "ok   ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/login"] = "ok   ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/refresh"] = "ok   ok    ok   ok   ok    ok",
        ["GET /api/v1/auth/me"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/password"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/2fa/setup"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/2fa/enable"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/2fa/disable"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/staff"] = "401  ok    403  403  403   403",
        ["GET /api/v1/staff"] = "401  ok    403  403  403   403",
        ["GET /api/v1/staff/{id:guid}"] = "401  404   403  403  403   403",
        ["POST /api/v1/auth/logout"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/auth/logout-everywhere"] = "401  ok    ok   ok   ok    ok",
        ["POST /api/v1/staff/{id:guid}/disable"] = "401  404   403  403  403   403",
        ["POST /api/v1/staff/{id:guid}/enable"] = "401  404   403  403  403   403",
        ["POST /api/v1/staff/{id:guid}/unlock"] = "401  404   403  403  403   403",
        ["POST /api/v1/staff/{id:guid}/2fa/reset"] = "401  404   403  403  403   403",
        ["PUT /api/v1/staff/{id:guid}/roles"] = "401  404   403  403  403   403",
        ["DELETE /api/v1/staff/{id:guid}"] = "401  404   403  403  403   403",
        ["GET /api/v1/vendors"] = "401  ok    ok   403  403   403",
        ["GET /api/v1/vendors/{id:guid}"] = "401  404   404  403  403   403",
        ["POST /api/v1/vendors"] = "401  ok    403  403  403   403",
        ["POST /api/v1/vendors/{id:guid}/revoke"] = "401  404   403  403  403   403",
        ["GET /api/v1/audit"] = "401  403   403  403  403   ok",
        ["GET /api/v1/audit/verify"] = "401  403   403  403  403   ok",
        ["POST /api/v1/incidents"] = "401  403   ok   403  403   403",
        ["GET /api/v1/incidents/{id:guid}"] = "401  403   404  403  403   403",
        ["POST /api/v1/incidents/{id:guid}/close"] = "401  403   404  403  403   403",
        ["POST /api/v1/incidents/{incidentId:guid}/imports"] = "401  403   404  403  403   403",
        ["GET /api/v1/incidents/{incidentId:guid}/imports/{importId:guid}"] = "401  403   404  403  403   403",
        ["GET /api/v1/incidents/{incidentId:guid}/imports/{importId:guid}/errors"] = "401  403   404  403  403   403",
        ["POST /api/v1/incidents/{incidentId:guid}/templates"] = "401  403   ok   403  403   403",
        ["POST /api/v1/templates/{id:guid}/preview"] = "401  403   404  403  403   403",
        ["GET /api/v1/templates/{id:guid}/proof"] = "401  403   404  403  403   403",
        ["POST /api/v1/templates/{id:guid}/approvals"] = "401  403   404  403  403   403",
        ["POST /api/v1/incidents/{incidentId:guid}/campaigns"] = "401  403   ok   403  403   403",
        ["GET /api/v1/campaigns/{id:guid}"] = "401  403   404  403  403   403",
        ["POST /api/v1/campaigns/{id:guid}/launch"] = "401  403   404  403  403   403",
        ["POST /api/v1/campaigns/{id:guid}/pause"] = "401  403   404  403  403   403",
        ["POST /api/v1/campaigns/{id:guid}/resume"] = "401  403   404  403  403   403",
        ["POST /api/v1/campaigns/{id:guid}/cancel"] = "401  403   404  403  403   403",
        ["GET /api/v1/campaigns/{id:guid}/returned-letters"] = "401  403   404  403  403   403",
        ["POST /api/v1/print-houses"] = "401  403   ok   403  403   403",
        ["GET /api/v1/print-houses"] = "401  403   ok   403  403   403",
        ["GET /api/v1/print-houses/{id:guid}"] = "401  403   404  403  403   403",
        ["POST /api/v1/print-houses/{id:guid}/revoke"] = "401  403   404  403  403   403",
        // Anonymous by design: the Twilio signature is the authentication, and nobody here can sign.
        ["DELETE /api/v1/incidents/{id:guid}/vendors/{vendorId:guid}"] = "401  403  404  403  403  403  403",
        ["GET /"] = "ok  ok  ok  ok  ok  ok  ok",
        // Portal: public, throttled checks. The person's actions need a portal session (a staff token is not one): the
        // endpoint answers 401 with the problem code portal_session_required, which the table counts as "ok".
        ["POST /api/v1/portal/status"] = "ok  ok  ok  ok  ok  ok  ok",
        ["POST /api/v1/portal/callback-codes/check"] = "ok  ok  ok  ok  ok  ok  ok",
        ["POST /api/v1/portal/callbacks"] = "ok  ok  ok  ok  ok  ok  ok",
        ["POST /api/v1/portal/preferences"] = "ok  ok  ok  ok  ok  ok  ok",
        ["POST /api/v1/portal/resend"] = "ok  ok  ok  ok  ok  ok  ok",
        ["PUT /api/v1/incidents/{id:guid}/statement"] = "401  403  ok  403  403  403  403",
        // Portal pages: public; the status page sends a visitor without a portal session to the check page.
        ["GET portal"] = "ok  ok  ok  ok  ok  ok  ok",
        ["GET portal/check"] = "ok  ok  ok  ok  ok  ok  ok",
        ["GET portal/status"] = "ok  ok  ok  ok  ok  ok  ok",
        ["GET portal/callback-code"] = "ok  ok  ok  ok  ok  ok  ok",
        // The portal's language switcher: a GET goes to the start page; the POST sets the culture cookie.
        ["GET portal/language"] = "ok  ok  ok  ok  ok  ok  ok",
        ["GET /api/v1/callcentre/callbacks"] = "401  403  403  ok  ok  403  ok",
        ["GET /api/v1/callcentre/cases/{id:guid}"] = "401  403  403  404  404  403  404",
        ["GET /api/v1/callcentre/queue"] = "401  403  403  ok  403  403  403",
        ["GET /api/v1/incidents"] = "401  403  ok  403  403  403  403",
        ["GET /api/v1/incidents/{id:guid}/escalations"] = "401  403  ok  403  403  403  403",
        ["GET /api/v1/incidents/{id:guid}/obligations"] = "401  403  404  403  403  404  403",
        ["GET /api/v1/incidents/{id:guid}/vendors"] = "401  403  ok  403  403  403  403",
        ["GET /api/v1/incidents/{incidentId:guid}/campaigns"] = "401  403  ok  403  403  403  403",
        ["GET /api/v1/incidents/{incidentId:guid}/imports"] = "401  403  404  403  403  403  403",
        ["GET /api/v1/incidents/{incidentId:guid}/templates"] = "401  403  ok  403  403  403  403",
        ["GET /api/v1/obligations/{id:guid}/draft"] = "401  403  404  403  403  403  403",
        ["GET callcentre"] = "401  403  403  ok  ok  403  ok",
        ["GET callcentre/cases/{id:guid}"] = "401  403  403  404  404  403  404",
        ["GET callcentre/incidents/{id:guid}/vendors"] = "401  403  404  403  403  403  403",
        ["GET callcentre/incidents/{id:guid}/activity"] = "401  403  404  403  403  403  403",
        ["GET callcentre/queue"] = "401  403  403  ok  403  403  403",
        ["GET console"] = "401  ok  ok  ok  ok  ok  ok",
        ["GET console/campaigns/{id:guid}"] = "401  403  404  403  403  403  403",
        ["GET console/forbidden"] = "403  403  403  403  403  403  403",
        ["GET console/incidents"] = "401  403  ok  403  403  403  403",
        ["GET console/incidents/new"] = "401  403  ok  403  403  403  403",
        ["GET console/incidents/{id:guid}"] = "401  403  404  403  403  403  403",
        ["GET console/incidents/{id:guid}/imports/new"] = "401  403  ok  403  403  403  403",
        ["GET console/incidents/{id:guid}/imports/{importId:guid}"] = "401  403  404  403  403  403  403",
        ["GET console/incidents/{id:guid}/notices"] = "401  403  404  403  403  403  403",
        ["GET console/incidents/{id:guid}/templates"] = "401  403  404  403  403  403  403",
        ["GET console/incidents/{id:guid}/campaigns/new"] = "401  403  404  403  403  403  403",
        ["GET console/templates/{id:guid}"] = "401  403  404  403  403  403  403",
        ["GET console/print-houses"] = "401  403  ok  403  403  403  403",
        ["GET console/staff"] = "401  ok  403  403  403  403  403",
        ["GET console/vendors"] = "401  ok  403  403  403  403  403",
        ["GET console/vendors/{id:guid}/revoke"] = "401  404  403  403  403  403  403",
        ["GET console/audit"] = "401  403  403  403  403  ok  403",
        // The obligations board reads like GET /api/v1/incidents/{id}/obligations: privacy officers and auditors.
        ["GET console/incidents/{id:guid}/obligations"] = "401  403  404  403  403  404  403",
        ["GET console/password"] = "401  ok  ok  ok  ok  ok  ok",
        ["GET console/preferences"] = "ok  ok  ok  ok  ok  ok  ok",
        ["GET console/sign-in"] = "ok  ok  ok  ok  ok  ok  ok",
        ["GET console/sign-in/two-factor"] = "401  401  401  401  401  401  401",
        ["GET console/two-factor"] = "401  ok  ok  ok  ok  ok  ok",
        ["GET console/sign-out"] = "ok  ok  ok  ok  ok  ok  ok",
        ["PATCH /api/v1/incidents/{id:guid}"] = "401  403  ok  403  403  403  403",
        ["POST /api/v1/callcentre/agents/{id:guid}/unblock"] = "401  ok  403  ok  403  403  403",
        ["POST /api/v1/callcentre/callbacks/{id:guid}/done"] = "401  403  403  404  404  403  404",
        ["POST /api/v1/callcentre/cases/{id:guid}/callbacks"] = "401  403  403  ok  ok  403  ok",
        ["POST /api/v1/callcentre/cases/{id:guid}/close"] = "401  403  403  ok  ok  403  ok",
        ["POST /api/v1/callcentre/cases/{id:guid}/escalate"] = "401  403  403  ok  ok  403  ok",
        ["POST /api/v1/callcentre/cases/{id:guid}/notes"] = "401  403  403  ok  ok  403  ok",
        ["POST /api/v1/callcentre/cases/{id:guid}/resend"] = "401  403  403  ok  ok  403  ok",
        ["POST /api/v1/callcentre/verifications"] = "401  403  403  ok  ok  403  ok",
        ["POST /api/v1/incidents/{id:guid}/assessments"] = "401  403  ok  403  403  403  403",
        ["POST /api/v1/incidents/{id:guid}/scripts"] = "401  403  ok  403  403  403  403",
        ["POST /api/v1/incidents/{id:guid}/vendors"] = "401  403  ok  403  403  403  403",
        ["POST /api/v1/obligations/{id:guid}/filings"] = "401  403  ok  403  403  403  403",
        ["POST /console/incidents/{incidentId:guid}/imports"] = "401  403  ok  403  403  403  403",
        ["POST /webhooks/twilio/status"] = "403  403   403  403  403   403",
    };

    private static readonly string[] Callers =
        ["anonymous", Roles.Admin, Roles.PrivacyOfficer, Roles.Supervisor, Roles.Agent, Roles.Auditor, "other vendor's agent"];

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_table_says()
    {
        // Production: what is mapped there is what must be closed (OpenAPI and Scalar exist in Development only).
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["environment"] = "Production" });
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var vendor = Guid.NewGuid();
        var accounts = new Dictionary<string, StaffAccounts.Account>
        {
            [Roles.Admin] = await StaffAccounts.CreateAsync(factory, Roles.Admin),
            [Roles.PrivacyOfficer] = await StaffAccounts.CreateAsync(factory, Roles.PrivacyOfficer),
            [Roles.Supervisor] = await StaffAccounts.CreateAsync(factory, Roles.Supervisor, vendor),
            [Roles.Agent] = await StaffAccounts.CreateAsync(factory, Roles.Agent, vendor),
            [Roles.Auditor] = await StaffAccounts.CreateAsync(factory, Roles.Auditor),
            ["other vendor's agent"] = await StaffAccounts.CreateAsync(factory, Roles.Agent, Guid.NewGuid()),
        };

        var endpoints = EndpointsOf(factory);
        var missing = endpoints.Where(e => !Expected.ContainsKey(e)).ToList();
        missing.ShouldBeEmpty($"endpoints with no line in {nameof(Authorization_matrix)}.{nameof(Expected)}: add one each");
        Expected.Keys.Except(endpoints).ShouldBeEmpty("lines for endpoints the app no longer maps");

        var clients = new Dictionary<string, HttpClient>();
        var wrong = new List<string>();
        var actualTable = new StringBuilder();
        foreach (var endpoint in endpoints)
        {
            var expected = Expected[endpoint].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var outcomes = new List<string>();
            for (var i = 0; i < Callers.Length; i++)
            {
                var caller = Callers[i];
                var client = caller == "anonymous" ? anonymous
                    : clients.TryGetValue(caller, out var signedIn) ? signedIn
                    : clients[caller] = await StaffAccounts.ClientAsync(factory, accounts[caller].Email, accounts[caller].Password, followRedirects: false);
                var outcome = await CallAsync(client, endpoint);
                if (endpoint.Contains("/auth/", StringComparison.Ordinal) && clients.Remove(caller, out var used))
                {
                    // A call under /auth may end the caller's own session (password, 2FA, logout): sign in again next time.
                    used.Dispose();
                }

                outcomes.Add(outcome);
                var want = i < expected.Length ? expected[i] : expected[Array.IndexOf(Callers, Roles.Agent)];
                if (outcome != want)
                {
                    wrong.Add($"{endpoint} as {caller}: {outcome}, expected {want}");
                }
            }

            actualTable.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"[\"{endpoint}\"] = \"{string.Join("  ", outcomes)}\",");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        wrong.ShouldBeEmpty($"actual table:\n{actualTable}");
    }

    /// <summary>
    /// The two callers whose right has ended while they still hold a token: a disabled privacy officer and an agent
    /// of a revoked vendor. Every endpoint answers them exactly as it answers someone who never signed in.
    /// </summary>
    [Fact]
    public async Task A_disabled_user_and_a_revoked_vendors_agent_get_what_anonymous_gets_everywhere()
    {
        await using var factory = new NotifyHubFactory(new Dictionary<string, string?> { ["environment"] = "Production" });
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var admin = await StaffAccounts.AdminClientAsync(factory);
        var officer = await StaffAccounts.CreateAsync(factory, Roles.PrivacyOfficer);
        var vendor = Guid.NewGuid();
        var agent = await StaffAccounts.CreateAsync(factory, Roles.Agent, vendor);
        using var disabled = await StaffAccounts.ClientAsync(factory, officer.Email, officer.Password, followRedirects: false);
        using var revoked = await StaffAccounts.ClientAsync(factory, agent.Email, agent.Password, followRedirects: false);
        (await admin.PostAsync(new Uri($"/api/v1/staff/{officer.Id}/disable", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await admin.PostAsync(new Uri($"/api/v1/vendors/{vendor}/revoke", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var wrong = new List<string>();
        foreach (var endpoint in EndpointsOf(factory))
        {
            var expected = await CallAsync(anonymous, endpoint);
            foreach (var (caller, client) in new[] { ("disabled privacy officer", disabled), ("revoked vendor's agent", revoked) })
            {
                if (await CallAsync(client, endpoint) is var outcome && outcome != expected)
                {
                    wrong.Add($"{endpoint} as {caller}: {outcome}, anonymous gets {expected}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    private static List<string> EndpointsOf(NotifyHubFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {Route(e.RoutePattern.RawText!)}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<string> CallAsync(HttpClient client, string endpoint)
    {
        var (method, route) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Parameter().Replace(route, _ => Guid.NewGuid().ToString()), UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        return response.StatusCode switch
        {
            // The endpoint itself refusing the credentials in the body (sign-in, refresh) says why with a problem code;
            // the authentication middleware's challenge carries none.
            HttpStatusCode.Unauthorized => await HasProblemCodeAsync(response) ? "ok" : "401",
            HttpStatusCode.Forbidden => "403",
            HttpStatusCode.NotFound => "404",
            // A page answers with a redirect where the API answers with a status.
            HttpStatusCode.Redirect or HttpStatusCode.Found when Redirected(response, PageRegistration.SignInPath) => "401",
            HttpStatusCode.Redirect or HttpStatusCode.Found when Redirected(response, PageRegistration.ForbiddenPath) => "403",
            _ => "ok",
        };
    }

    private static bool Redirected(HttpResponseMessage response, string page) =>
        response.Headers.Location?.OriginalString.Contains(page, StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<bool> HasProblemCodeAsync(HttpResponseMessage response)
    {
        try
        {
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && body.RootElement.TryGetProperty("code", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>A group's "/" endpoint has a trailing slash in its pattern; the table spells routes without it.</summary>
    private static string Route(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
