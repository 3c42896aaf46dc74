using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Notifications.Database;
using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.Letters;
using NotifyHub.Notifications.Templates;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Benchmarks.Letters;

/// <summary>
/// <c>letters --people N [--warm-up N] [--provider postgresql|sqlite] [--key x509|openpgp]</c>: an N-letter campaign in
/// process (the whole host), timed from launch until every letter is handed to a registered print house (rendered,
/// encrypted to its key, written to its exchange folder with checksum files), after a warm-up campaign on the same host
/// (by default as large; timed apart: a server that has printed before is the usual case). In the same run, the bare
/// baseline: the campaign's own pages (composed as the print run composes them) rendered by the PDF renderer alone
/// (PDFsharp, same batch size, no database, encryption or hand-over), just before the campaign and just after it.
/// Reports both rates, their ratio and the time 250,000 letters would take.
/// PostgreSQL (the default) must be the durable one (<c>NOTIFYHUB_POSTGRES_DURABLE=1 scripts/test.sh --servers-only</c>).
/// </summary>
public static class LettersBenchmark
{
    private static readonly string[] Languages = ["en", "fr", "ja"];
    private static readonly string[] DataCategories = ["name", "email", "payment_card"];
    private static readonly string[] Jurisdictions = ["GB"];
    private static readonly string[] LetterOnly = ["letter"];
    private static readonly string[] GpgBatch = ["--batch", "--pinentry-mode", "loopback", "--passphrase", ""];

    public static async Task<int> RunAsync(string[] args)
    {
        var people = int.Parse(Option(args, "--people") ?? "2000", CultureInfo.InvariantCulture);
        var provider = (Option(args, "--provider") ?? "postgresql").ToLowerInvariant();
        var keyKind = (Option(args, "--key") ?? "x509").ToLowerInvariant();
        var settings = new Dictionary<string, string?>
        {
            ["NotifyHub:Notifications:SchedulerInterval"] = "00:00:00.100",
            ["NotifyHub:Notifications:LetterBatchWindow"] = "00:00:00.100",
            ["NotifyHub:Notifications:QuietHoursStart"] = "00:00",
            ["NotifyHub:Notifications:QuietHoursEnd"] = "00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        PostgresDatabase? database = null;
        if (provider == "postgresql")
        {
            await DurablePostgres.RequireAsync(TestServers.PostgreSql);
            database = await PostgresDatabase.CreateAsync();
            settings["NotifyHub:Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:NotifyHub"] = database.ConnectionString;
        }

        try
        {
            await using var factory = new ProductionHostFactory(settings);
            var client = await StaffAccounts.PrivacyOfficerClientAsync(factory);
            await PostAsync(client, "/api/v1/print-houses", new { name = "Benchmark Print", keyKind, publicKey = await PublicKeyAsync(keyKind) });
            var batchSize = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LetterOptions>>().Value.BatchSize;
            System.Console.WriteLine(factory.Describe());

            // A first campaign warms the host up (JIT, pools, caches), as a server that has run for a while is; the bare
            // loops below run warm too, after it. Its time is printed, not compared. It is as large as the measured one
            // by default: after a campaign of two batches the runtime still re-compiled about 10,000 hot methods
            // (6.8 s of compile time, on a core the renderer needs) during a 6,000-letter campaign; after one of equal
            // size, 1,000 to 2,400. The count is printed with the figures.
            var warmUp = int.Parse(Option(args, "--warm-up") ?? $"{people}", CultureInfo.InvariantCulture);
            var cold = await RunCampaignAsync(factory, client, (await CampaignAsync(factory, client, warmUp, "Warm-up")).Id, warmUp);
            System.Console.WriteLine($"warm-up campaign (cold host): {warmUp} letters in {cold.Elapsed.TotalSeconds:F2} s, {warmUp / cold.Elapsed.TotalSeconds:F1} letters/s");

            var campaign = await CampaignAsync(factory, client, people, "Dealer CRM breach");
            // The bare loop runs just before the measured campaign and again just after it, and the faster of the two
            // is the baseline: this machine's speed drifts by a fifth within a minute (other tenants' load), and a
            // slow baseline would flatter the ratio.
            var (bareBefore, _) = await BareRenderAsync(factory, campaign, batchSize);
            System.Console.WriteLine($"letters: {people} people, provider {provider}, key {keyKind}, batches of {batchSize}; launching");
            var (jitMethods, jitTime) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            var gcBefore = GcCounts.Now();
            var (hostCpu, databaseCpu) = (Environment.CpuUsage.TotalTime, database is null ? null : await PostgresCpu.SecondsAsync(database.ConnectionString));
            var idleBefore = MachineIdle.Now();
            var run = await RunCampaignAsync(factory, client, campaign.Id, people);
            var idle = idleBefore is { } before ? MachineIdle.Now()?.SharedIdleSince(before) : null;
            hostCpu = Environment.CpuUsage.TotalTime - hostCpu;
            databaseCpu = database is null ? null : await PostgresCpu.SecondsAsync(database.ConnectionString) - databaseCpu;
            System.Console.WriteLine($"methods compiled during the measured campaign: {JitInfo.GetCompiledMethodCount() - jitMethods} " +
                $"({(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms of compile time)");
            System.Console.WriteLine($"garbage collections during the measured campaign: {GcCounts.Now() - gcBefore}");
            double? steady = null;
            if (run.First is { } start && start.Letters < people)
            {
                steady = (people - start.Letters) / (run.Elapsed - start.At).TotalSeconds;
                System.Console.WriteLine($"first {start.Letters} letters handed over after {start.At.TotalSeconds:F1} s; the other {people - start.Letters} at {steady:F1} letters/s");
            }

            var endToEnd = people / run.Elapsed.TotalSeconds;
            gcBefore = GcCounts.Now();
            var (bareAfter, bareCpu) = await BareRenderAsync(factory, campaign, batchSize);
            System.Console.WriteLine($"garbage collections during the bare loop after the campaign: {GcCounts.Now() - gcBefore}");
            // CPU per letter: steadier than letters/s when the machine is shared, and it says where the time goes. The
            // ratio can only reach 0.8x when everything around the render costs at most about 1.5x the render's CPU
            // (both cores at work for 0.8x of one core's rate).
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU per letter: host {hostCpu.TotalMicroseconds / people:F0} µs, PostgreSQL {(databaseCpu is { } db ? $"{db * 1e6 / people:F0} µs" : "n/a")}, " +
                $"bare loop (after) {bareCpu.TotalMicroseconds / people:F0} µs"));
            var bare = bareBefore < bareAfter ? bareBefore : bareAfter;
            System.Console.WriteLine($"bare loop: {bareBefore.TotalSeconds:F2} s before the measured campaign, {bareAfter.TotalSeconds:F2} s after; the faster is the baseline");
            var raw = people / bare.TotalSeconds;
            if (idle is { } idleShare && databaseCpu is { } pgSeconds)
            {
                // The most this CPU per letter allows: every core busy the whole campaign (the renderer is one thread;
                // the rest shares the cores with it, so the cores idle while it waits its turn on a busy one).
                var ceiling = Environment.ProcessorCount * 1e6 / ((hostCpu.TotalMicroseconds + (pgSeconds * 1e6)) / people);
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cores idle during the measured campaign: {idleShare:P0}; with every core busy, this CPU per letter would allow {ceiling:F0} letters/s ({ceiling / raw:F2}x the bare loop)"));
            }

            System.Console.WriteLine();
            System.Console.WriteLine($"| {"",-52} | {"letters",8} | {"seconds",8} | {"letters/s",9} |");
            System.Console.WriteLine($"| {"launch → handed over (render+encrypt+hand-over)",-52} | {people,8} | {run.Elapsed.TotalSeconds,8:F2} | {endToEnd,9:F1} |");
            System.Console.WriteLine($"| {"bare PDF rendering loop (PDFsharp, same pages)",-52} | {people,8} | {bare.TotalSeconds,8:F2} | {raw,9:F1} |");
            System.Console.WriteLine($"ratio end-to-end / bare = {endToEnd / raw:F2}x (goal: at least 0.8x)");
            if (steady is { } rate)
            {
                // What a long campaign runs at nearly all its time: without the launch and the first batch's layout.
                System.Console.WriteLine($"ratio after the first hand-over / bare = {rate / raw:F2}x");
            }
            System.Console.WriteLine($"250,000 letters: {250_000 / endToEnd / 60:F1} min end-to-end on {Environment.ProcessorCount} cores (goal: within 60 min on 2 cores)");
            return 0;
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Launches the campaign and waits until all its letters are handed over; when the first ones were, too. The times
    /// are the hand-overs' own (each batch's letters are recorded delivered with one time), not when a poll saw them: the
    /// benchmark looks once a second, as a dashboard would. It used to look ten times a second, and those looks (each
    /// a count of the campaign's letters by status) cost PostgreSQL about 0.6 s in a 6,000-letter campaign, on the
    /// cores the campaign was being measured on.
    /// </summary>
    private static async Task<CampaignRun> RunCampaignAsync(ProductionHostFactory factory, HttpClient client, Guid campaign, int people)
    {
        var launchedAt = TimeProvider.System.GetUtcNow();
        (await client.PostAsync(new Uri($"/api/v1/campaigns/{campaign}/launch", UriKind.Relative), null)).EnsureSuccessStatusCode();
        for (var delivered = 0; delivered < people;)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            delivered = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}")).GetProperty("delivered").GetInt32();
        }

        var handOvers = await QueryAsync(factory, db => db.Notifications.AsNoTracking()
            .Where(n => n.CampaignId == campaign && n.Status == DeliveryStatus.Delivered)
            .GroupBy(n => n.CompletedAt).Select(g => new { At = g.Key!.Value, Letters = g.Count() }).ToListAsync());
        var first = handOvers.MinBy(h => h.At)!;
        return new CampaignRun(handOvers.Max(h => h.At) - launchedAt, (first.Letters, first.At - launchedAt));
    }

    private sealed record CampaignRun(TimeSpan Elapsed, (int Letters, TimeSpan At)? First);

    /// <summary>An incident of <paramref name="people"/> with a letter template whose proofs are approved, and its campaign (not launched).</summary>
    private static async Task<Campaign> CampaignAsync(ProductionHostFactory factory, HttpClient client, int people, string title)
    {
        var incident = await PostAsync(client, "/api/v1/incidents", new
        {
            title,
            summary = "A contractor copied customer records to a personal drive.",
            discoveredAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            cause = "insider",
            dataCategories = DataCategories,
            jurisdictions = Jurisdictions,
        });
        await Eventually.TrueAsync(() => QueryAsync(factory, db => db.Incidents.AnyAsync(i => i.Id == incident)), TimeSpan.FromSeconds(30));
        await ImportAsync(client, incident, people);
        await Eventually.TrueAsync(() => QueryAsync(factory, async db => await db.AffectedParties.CountAsync(p => p.IncidentId == incident) >= people),
            TimeSpan.FromSeconds(60 + (people / 20)));
        var template = await PostAsync(client, $"/api/v1/incidents/{incident}/templates", new
        {
            name = "First notice (letter)",
            channel = "letter",
            defaultLanguage = "en",
            variants = new object[]
            {
                new { language = "en", subject = "Notice of a data breach", body = "Dear {{ given_name }} {{ family_name }},\n\n{{ incident.summary }}\nExposed: {{ categories | join: ', ' }}.\nYour reference code is {{ reference_code }}. Visit {{ portal_url }}." },
                new { language = "fr", subject = "Avis de violation de données", body = "Madame, Monsieur {{ family_name }},\n\nDonnées concernées : {{ categories | join: ', ' }}.\nVotre code de référence : {{ reference_code }}. {{ portal_url }}" },
                new { language = "ja", subject = "個人情報漏えいのお知らせ", body = "{{ family_name }} {{ given_name }} 様\n\n漏えいした情報：{{ categories | join: '、' }}\n照会番号：{{ reference_code }}" },
            },
        });
        // Each language's proof approved, as a privacy officer must before letters print.
        foreach (var language in Languages)
        {
            (await client.PostAsJsonAsync($"/api/v1/templates/{template}/approvals", new { language })).EnsureSuccessStatusCode();
        }

        var campaign = await PostAsync(client, $"/api/v1/incidents/{incident}/campaigns",
            new { name = "First notice", channels = LetterOnly, strategy = "all", templates = new { letter = template } });
        return new Campaign(campaign, incident, template, people);
    }

    /// <summary>
    /// The people, imported through intake's API as a privacy officer imports them: intake keeps them and gives them
    /// their reference codes, and notifications asks intake for their letters' projections when it prints.
    /// </summary>
    private static async Task ImportAsync(HttpClient client, Guid incident, int people)
    {
        var csv = new StringBuilder("external_id,given_name,family_name,address_line1,locality,postcode,country,language,data_categories\n");
        for (var i = 0; i < people; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"L{i:D6},Given{i},Family{i},{i} High Street,Springfield,SP{i % 100} 1AA,GB,{Languages[i % 3]},email;payment_card\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var started = await client.PostAsync(new Uri($"/api/v1/incidents/{incident}/imports", UriKind.Relative), content);
        started.EnsureSuccessStatusCode();
        var import = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();
        await Eventually.TrueAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident}/imports/{import}")).GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(60 + (people / 100)), "the import completed");
    }

    /// <summary>
    /// The campaign's ids, and what makes its people again: the bare loop's pages are composed when it runs, so that
    /// neither they nor the people are held in memory (a collector's extra work) during the measured campaign.
    /// </summary>
    private sealed record Campaign(Guid Id, Guid Incident, Guid Template, int People);

    /// <summary>
    /// The renderer alone on the campaign's own pages, in batches of the same size: what printing these letters costs
    /// with nothing around it. Returns the time and the process's CPU spent rendering. Each batch is read and composed
    /// just before it renders (untimed), as the print run reads and composes it (<see cref="RecipientReader"/>, which
    /// asks intake for the projections, then <see cref="LetterComposer"/>: the same template, incident, people and
    /// portal links), so no more pages are held at once than a batch. A made-up body or a shorter link would not do:
    /// the link's length sets the QR code's size, and drawing the QR code is most of a letter's render.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu)> BareRenderAsync(ProductionHostFactory factory, Campaign campaign, int batchSize)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (db, cache) = (scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), scope.ServiceProvider.GetRequiredService<TemplateCache>());
        var template = await cache.TemplateAsync(db, campaign.Template, CancellationToken.None);
        var incident = await cache.IncidentAsync(db, campaign.Incident, CancellationToken.None);
        var (reader, composer, renderer) = (scope.ServiceProvider.GetRequiredService<RecipientReader>(),
            scope.ServiceProvider.GetRequiredService<LetterComposer>(), scope.ServiceProvider.GetRequiredService<LetterPdfRenderer>());
        var now = TimeProvider.System.GetUtcNow();

        var (elapsed, cpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var after = 0L;
        while (true)
        {
            var people = await db.AffectedParties.AsNoTracking()
                .Where(p => p.IncidentId == campaign.Incident && p.Purpose == Purpose.MailHouse && p.Id > after)
                .OrderBy(p => p.Id).Take(batchSize).Select(p => new { p.Id, p.PersonId }).ToListAsync();
            if (people.Count == 0)
            {
                break;
            }

            after = people[^1].Id;
            // Letters as the campaign queues them (not saved): the reader opens their recipients as for the print run.
            var letters = people.Select(p => Notification.Queue(campaign.Incident, campaign.Id, p.PersonId, Channel.Letter, campaign.Template, now)).ToList();
            var recipients = await reader.ReadAsync(letters, CancellationToken.None);
            db.ChangeTracker.Clear();
            var batch = letters.Select(l => composer.Compose(l.Id, template, incident, recipients[l.Id].Recipient, recipients[l.Id].Postal!)).ToList();
            var (watch, cpuBefore) = (Stopwatch.StartNew(), Environment.CpuUsage.TotalTime);
            renderer.Render(Guid.CreateVersion7(), batch);
            (elapsed, cpu) = (elapsed + watch.Elapsed, cpu + (Environment.CpuUsage.TotalTime - cpuBefore));
        }

        return (elapsed, cpu);
    }

    private static async Task<string> PublicKeyAsync(string keyKind)
    {
        if (keyKind == "x509")
        {
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Benchmark Print", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
            return certificate.ExportCertificatePem();
        }

        var home = Directory.CreateTempSubdirectory("notifyhub-bench-gpg-").FullName;
        await GpgAsync(home, "--quick-gen-key", "Benchmark Print <print@example.test>", "rsa3072", "cert", "never");
        var fingerprint = (await GpgAsync(home, "--list-keys", "--with-colons")).Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        await GpgAsync(home, "--quick-add-key", fingerprint, "rsa3072", "encr", "never");
        return await GpgAsync(home, "--armor", "--export", fingerprint);
    }

    private static async Task<string> GpgAsync(string home, params string[] args)
    {
        var start = new ProcessStartInfo("gpg") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["GNUPGHOME"] = home;
        foreach (var arg in GpgBatch.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var gpg = Process.Start(start)!;
        var output = await gpg.StandardOutput.ReadToEndAsync();
        await gpg.WaitForExitAsync();
        return gpg.ExitCode == 0 ? output : throw new InvalidOperationException($"gpg failed: {await gpg.StandardError.ReadToEndAsync()}");
    }

    private static async Task<Guid> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
    }

    private static async Task<T> QueryAsync<T>(ProductionHostFactory factory, Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i < args.Length - 1 ? args[i + 1] : null;
    }
}
