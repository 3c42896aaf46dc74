using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NotifyHub.Benchmarks.Console;

/// <summary>
/// <c>dashboard --people 1000000 --imported 20000 --loads 200</c>: the privacy officer's incident dashboard
/// (<c>/console/incidents/{id}</c> and every fragment it loads with htmx) for an incident of a million people with a
/// campaign sending, on an in-process host over a durable PostgreSQL (<see cref="DurablePostgres"/>).
/// <para>
/// Seeding (not timed): <c>--imported</c> people are imported through the API and an email campaign is launched to
/// them (it is still sending, into the test SMTP server, while the dashboard is read); then
/// <see cref="DashboardSeed"/> copies the incident's rows up to <c>--people</c>.
/// </para>
/// <para>
/// A load is what a browser does: the page, then its fragments together. Each is timed from the client, and beside it
/// the time spent in its database commands (Npgsql's own activities, tied to the load by its trace id): the
/// part of it the request waits for. Then, in the same run, each fragment's queries alone, computed from scratch
/// (<see cref="DashboardQueries"/>): what the fragments' <c>LiveFigures</c> keep out of the request.
/// </para>
/// </summary>
public static partial class DashboardBenchmark
{
    private static readonly ActivitySource Loads = new("NotifyHub.Benchmarks.Dashboard");
    private static readonly string[] Categories = ["name", "email"];
    private static readonly string[] Jurisdictions = ["GB", "FR", "JP"];
    private static readonly string[] EmailOnly = ["email"];

    public static async Task<int> RunAsync(string[] args)
    {
        var people = 1_000_000;
        var imported = 20_000;
        var loads = 200;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--people": people = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--imported": imported = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--loads": loads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            }
        }

        await using var database = await PostgresDatabase.CreateAsync();
        await DurablePostgres.RequireAsync(database.ConnectionString);
        await using var factory = new ProductionHostFactory(new Dictionary<string, string?>
        {
            ["NotifyHub:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:NotifyHub"] = database.ConnectionString,
            ["NotifyHub:Email:Smtp:Host"] = TestServers.SmtpHost,
            ["NotifyHub:Email:Smtp:Port"] = TestServers.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["NotifyHub:Email:Smtp:From"] = "Example Ltd <notices@dashboard.bench.test>",
            ["NotifyHub:Notifications:QuietHoursStart"] = "00:00",
            ["NotifyHub:Notifications:QuietHoursEnd"] = "00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // The request runs in the caller's execution context, so the load's activity is the parent of Npgsql's.
        factory.Server.PreserveExecutionContext = true;

        var setup = Stopwatch.StartNew();
        using var officer = await StaffAccounts.PrivacyOfficerClientAsync(factory);
        var incident = await IncidentWithCampaignAsync(officer, database, imported);
        System.Console.WriteLine(factory.Describe());
        System.Console.WriteLine($"dashboard: {imported:N0} imported and a campaign launched in {setup.Elapsed.TotalSeconds:F0} s; growing to {people:N0}...");
        var rounds = Math.Max(0, (people / imported) - 1);
        // The campaign enrols its people in batches: copies are made of a complete enrolment.
        await Eventually.TrueAsync(async () => await database.ScalarAsync(
            $"SELECT count(*) FROM notifications.notifications WHERE \"IncidentId\" = '{incident}'") == imported, TimeSpan.FromMinutes(10),
            "the campaign enrols every imported person");
        await DashboardSeed.GrowAsync(database.ConnectionString, incident, rounds);
        var total = await database.ScalarAsync($"SELECT count(DISTINCT \"PersonId\") FROM notifications.affected_parties WHERE \"IncidentId\" = '{incident}'");
        var sending = await database.ScalarAsync($"SELECT count(*) FROM notifications.notifications WHERE \"IncidentId\" = '{incident}' AND \"Status\" IN ('queued', 'sending') AND \"NotBefore\" IS NULL");
        System.Console.WriteLine($"seeded in {setup.Elapsed.TotalSeconds:F0} s: {total:N0} people, {sending:N0} notices of the real campaign still to send");

        var account = await StaffAccounts.CreateAsync(factory, Roles.PrivacyOfficer);
        using var browser = await CookieSignInAsync(factory, account);
        var times = await MeasureAsync(browser, incident, loads);
        await DashboardQueries.MeasureAsync(factory.Services, incident, Math.Max(10, loads / 10), times);
        var still = await database.ScalarAsync($"SELECT count(*) FROM notifications.notifications WHERE \"IncidentId\" = '{incident}' AND \"Status\" IN ('queued', 'sending') AND \"NotBefore\" IS NULL");
        System.Console.WriteLine($"the campaign was sending throughout: {still:N0} notices still to send at the end");
        foreach (var status in new[] { "queued", "sending", "sent", "delivered", "failed" })
        {
            var n = await database.ScalarAsync($"SELECT count(*) FROM notifications.notifications WHERE \"IncidentId\" = '{incident}' AND \"Status\" = '{status}'");
            System.Console.Write($"{status}: {n:N0}  ");
        }

        System.Console.WriteLine();
        times.Print(loads);
        return 0;
    }

    private static async Task<DashboardTimes> MeasureAsync(HttpClient browser, Guid incident, int loads)
    {
        var queryTime = new ConcurrentDictionary<ActivityTraceId, double>();
        var statements = new ConcurrentDictionary<string, double>();
        var loadTraces = new ConcurrentDictionary<ActivityTraceId, bool>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" || source == Loads,
            ActivityStarted = activity =>
            {
                if (activity.Source == Loads)
                {
                    loadTraces[activity.TraceId] = true;
                }
            },
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && loadTraces.ContainsKey(activity.TraceId))
                {
                    queryTime.AddOrUpdate(activity.TraceId, activity.Duration.TotalMilliseconds, (_, sum) => sum + activity.Duration.TotalMilliseconds);
                    var text = activity.GetTagItem("db.query.text") as string ?? activity.DisplayName;
                    statements.AddOrUpdate(text, activity.Duration.TotalMilliseconds, (_, sum) => sum + activity.Duration.TotalMilliseconds);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var times = new DashboardTimes();
        for (var load = -5; load < loads; load++)
        {
            var whole = Stopwatch.StartNew();
            var (pageMs, pageSql, html) = await TimedGetAsync(browser, $"/console/incidents/{incident}", queryTime);
            var fragments = Fragments(html);
            var parts = await Task.WhenAll(fragments.Select(url => TimedGetAsync(browser, url, queryTime)));
            whole.Stop();
            if (load < 0)
            {
                continue; // warm-up: JIT, connection pools, PostgreSQL's caches
            }

            times.Add("page", pageMs, pageSql);
            foreach (var (url, part) in fragments.Zip(parts))
            {
                times.Add(FragmentName(url), part.Ms, part.SqlMs);
            }

            times.Add("whole dashboard", whole.Elapsed.TotalMilliseconds, pageSql + parts.Sum(p => p.SqlMs));
        }

        // Where the requests' database time went: the statements that took most of it, summed over every load.
        System.Console.WriteLine("statements that took most of the requests' database time (ms summed over all loads):");
        foreach (var (text, ms) in statements.OrderByDescending(x => x.Value).Take(6))
        {
            var line = string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,9:F0}  {line[..Math.Min(200, line.Length)]}"));
        }

        return times;
    }

    private static async Task<(double Ms, double SqlMs, string Html)> TimedGetAsync(HttpClient client, string url,
        ConcurrentDictionary<ActivityTraceId, double> queryTime)
    {
        using var activity = Loads.StartActivity("load");
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        }

        return (watch.Elapsed.TotalMilliseconds, activity is null ? double.NaN : queryTime.GetValueOrDefault(activity.TraceId), html);
    }

    /// <summary>The fragments the page loads at once (<c>hx-get</c> with a <c>load</c> trigger).</summary>
    private static List<string> Fragments(string html) =>
        [.. HxLoad().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static string FragmentName(string url) => url.Split('?')[0].Split('/')[^1] + "?" + url.Split('?').ElementAtOrDefault(1);

    private static async Task<Guid> IncidentWithCampaignAsync(HttpClient officer, PostgresDatabase database, int count)
    {
        var incident = await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Dashboard benchmark", summary = "A dealer CRM export was copied.", discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "insider", dataCategories = Categories, jurisdictions = Jurisdictions,
        }), "id");
        var csv = new StringBuilder("external_id,given_name,family_name,email,language\n");
        var languages = new[] { "en", "fr", "ja" };
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"d{i},Given{i},Family{i},person{i}@dashboard.bench.test,{languages[i % 3]}\n");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new("text/csv");
        var import = await IdOfAsync(await officer.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content), "importId");
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}"))
            .GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(30));
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}"))
            .GetProperty("accepted").GetInt32() == count, TimeSpan.FromSeconds(1), "every person is accepted");

        var template = await IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/templates", new
        {
            name = "First notice", channel = "email", defaultLanguage = "en",
            variants = new object[]
            {
                new { language = "en", subject = "About {{ incident.title }}", body = "<p>Dear {{ given_name }},</p><p>Your code: {{ reference_code }}</p>" },
                new { language = "fr", subject = "Au sujet de {{ incident.title }}", body = "<p>Bonjour {{ given_name }},</p><p>Votre code : {{ reference_code }}</p>" },
                new { language = "ja", subject = "{{ incident.title }}に関するお知らせ", body = "<p>{{ family_name }} 様</p><p>照会番号：{{ reference_code }}</p>" },
            },
        }), "id");
        // Every imported person must have reached notifications before the campaign enrols them.
        await Eventually.TrueAsync(async () => await database.ScalarAsync(
            $"SELECT count(*) FROM notifications.affected_parties WHERE \"IncidentId\" = '{incident}' AND \"Purpose\" = 'email'") == count,
            TimeSpan.FromMinutes(10), "notifications received every imported person");
        var campaign = await IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{incident}/campaigns",
            new { name = "First notice", channels = EmailOnly, strategy = "all", templates = new { email = template } }), "id");
        (await officer.PostAsync(new Uri($"/api/v1/campaigns/{campaign}/launch", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}"))
            .GetProperty("delivered").GetInt32() > 0, TimeSpan.FromMinutes(5), "the campaign starts delivering");
        return incident;
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response, string property)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.GetProperty(property).GetGuid()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
    }

    private static async Task<HttpClient> CookieSignInAsync(NotifyHubFactory factory, StaffAccounts.Account account)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/console/sign-in", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync(new Uri("/console/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = account.Email, ["Password"] = account.Password, ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == System.Net.HttpStatusCode.Redirect
            ? client
            : throw new InvalidOperationException($"cookie sign-in refused: {(int)response.StatusCode}");
    }

    [GeneratedRegex("hx-get=\"([^\"]+)\"[^>]*hx-trigger=\"load")]
    private static partial Regex HxLoad();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
