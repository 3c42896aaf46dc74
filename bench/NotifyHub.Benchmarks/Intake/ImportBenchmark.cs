using Bogus;
using Npgsql;
using NpgsqlTypes;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NotifyHub.Benchmarks.Intake;

/// <summary>
/// End-to-end import throughput, beside its raw baseline:
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- import --rows 1000000 --provider postgresql|sqlite [--postgres CONN] [--warm-up N] [--modules console,intake,...]</c>.
/// Generates a synthetic CSV (Bogus en/fr/ja people, ~1% bad rows), starts the real host (Release build of
/// services/NotifyHub.Host) on the chosen database with the modules named (default console and intake alone, so that the
/// import is measured without the modules that consume its messages; <c>--modules all</c> runs every module, as the
/// default deployment does), warms it up with an import into another incident (default 200,000 rows or the file's
/// size, timed apart: 40 batches of the default 5,000, past the 30 calls after which .NET compiles a method at full
/// optimisation, so the per-batch code is compiled before the measured run), imports through the API, then times a raw
/// Npgsql binary COPY of
/// the same rows into a bare table with the same columns, and the <see cref="IntrinsicImportBaseline"/> (the work the
/// privacy design requires, on every core, no framework). Prints rows/s of all three, the ratios and the host's peak
/// working set (VmHWM), and the CPU per row of the host and of a local PostgreSQL during the import. PostgreSQL must run
/// with its durable settings.
/// </summary>
public static class ImportBenchmark
{
    private const string AdminEmail = "bench@notifyhub.test";
    private const string AdminPassword = "Bench-Passw0rd!Import";
    private const string OfficerEmail = "officer@notifyhub.test";
    private static readonly string[] IncidentCategories = ["name", "contact"];
    private static readonly string[] Jurisdictions = ["JP", "FR", "US"];
    private static readonly string[] Columns =
    [
        "external_id", "given_name", "family_name", "email", "phone", "address_line1", "address_line2", "locality", "region",
        "postcode", "country", "date_of_birth", "language", "data_categories",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var provider = (Option(args, "--provider") ?? "postgresql").ToLowerInvariant();
        var modules = (Option(args, "--modules") ?? "console,intake") switch
        {
            "all" => [],
            var named => named.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("NOTIFYHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Give --postgres CONNECTION or set NOTIFYHUB_TEST_POSTGRES (the raw COPY baseline needs PostgreSQL).");
        await DurablePostgres.RequireAsync(postgres);
        var work = Directory.CreateTempSubdirectory("notifyhub-bench-").FullName;
        try
        {
            var file = Path.Combine(work, "affected.csv");
            var generate = Stopwatch.StartNew();
            var generated = Generate(file, rows);
            System.Console.WriteLine($"generated {rows:N0} rows ({new FileInfo(file).Length / 1048576.0:N0} MB, {generated.Bad:N0} bad) in {generate.Elapsed.TotalSeconds:N1} s");
            var warmUpRows = int.Parse(Option(args, "--warm-up") ?? $"{Math.Min(rows, 200_000)}", CultureInfo.InvariantCulture);
            var warmUpFile = warmUpRows > 0 ? Path.Combine(work, "warm-up.csv") : null;
            if (warmUpFile is not null)
            {
                Generate(warmUpFile, warmUpRows);
            }

            var database = $"nh_bench_{Guid.NewGuid():N}"[..24];
            await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
            var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
            try
            {
                var (seconds, peak, status, cpu, databaseCpu) = await ImportThroughApiAsync(file, warmUpFile, provider, connection, work, modules);
                var api = rows / seconds;
                System.Console.WriteLine($"host modules: {(modules.Length == 0 ? "all" : string.Join(", ", modules))}");
                System.Console.WriteLine($"api import ({provider}): {seconds:N1} s, {api:N0} rows/s, status {status}, host peak working set {peak / 1048576.0:N0} MB");
                // CPU per row is steadier than rows/s on a machine shared with other work.
                System.Console.WriteLine($"host CPU during the import: {cpu:N1} s ({cpu * 1e6 / rows:N0} µs per row)");
                if (databaseCpu is { } dbCpu)
                {
                    System.Console.WriteLine($"PostgreSQL CPU during the import: {dbCpu:N1} s ({dbCpu * 1e6 / rows:N0} µs per row)");
                }

                var raw = await RawCopyAsync(connection, file);
                var rawRate = rows / raw;
                System.Console.WriteLine($"raw binary COPY (postgresql, bare table): {raw:N1} s, {rawRate:N0} rows/s");
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio api/raw: {api / rawRate:P1}"));
                var (intrinsic, stored) = await IntrinsicImportBaseline.RunAsync(connection, file);
                var intrinsicRate = rows / intrinsic;
                System.Console.WriteLine($"intrinsic work, no framework ({Environment.ProcessorCount} cores, {stored:N0} stored): {intrinsic:N1} s, {intrinsicRate:N0} rows/s");
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio api/intrinsic: {api / intrinsicRate:F2}x (goal 0.5x)"));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (int Good, int Bad) Generate(string path, int rows)
    {
        var random = new Random(42);
        var pools = new[] { ("en", "US"), ("fr", "FR"), ("ja", "JP") }.Select(l =>
        {
            var faker = new Faker(l.Item1) { Random = new Randomizer(7) };
            return (Language: l.Item1, Country: l.Item2, People: Enumerable.Range(0, 3000).Select(_ => (
                Given: faker.Name.FirstName(), Family: faker.Name.LastName(), Street: faker.Address.StreetAddress(),
                City: faker.Address.City(), Region: faker.Address.State(), Postcode: faker.Address.ZipCode())).ToArray());
        }).ToArray();
        var categories = new[] { "name;email", "name;postal_address;date_of_birth", "payment_card", "", "name;phone;vehicle_id" };
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        var bad = 0;
        var fields = new string[Columns.Length];
        for (var i = 0; i < rows; i++)
        {
            var pool = pools[random.Next(pools.Length)];
            var p = pool.People[random.Next(pool.People.Length)];
            fields[0] = $"CUST-{i:D8}";
            fields[1] = p.Given;
            fields[2] = p.Family;
            fields[3] = $"{Ascii(p.Given)}.{i}@example.{pool.Country.ToLowerInvariant()}";
            fields[4] = pool.Country switch
            {
                "JP" => $"090-{random.Next(1000, 9999)}-{random.Next(1000, 9999)}",
                "FR" => $"06 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
                _ => $"(212) {random.Next(200, 999)}-{random.Next(1000, 9999)}",
            };
            fields[5] = p.Street;
            fields[6] = random.Next(4) == 0 ? $"Apt {random.Next(1, 300)}" : "";
            fields[7] = p.City;
            fields[8] = p.Region;
            fields[9] = p.Postcode;
            fields[10] = pool.Country;
            fields[11] = $"{random.Next(1930, 2005)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}";
            fields[12] = pool.Language;
            fields[13] = categories[random.Next(categories.Length)];
            if (random.Next(100) == 0)
            {
                bad++;
                switch (random.Next(4))
                {
                    case 0: fields[0] = ""; break;
                    case 1: fields[3] = "broken"; fields[4] = "1"; fields[5] = ""; break;
                    case 2: fields[1] = "\"" + fields[1]; break; // an unbalanced quote
                    default: fields[1] = ""; fields[2] = ""; break;
                }
            }

            for (var f = 0; f < fields.Length; f++)
            {
                if (f > 0)
                {
                    writer.Write(',');
                }

                var value = fields[f];
                writer.Write(value.StartsWith('"') || value.AsSpan().IndexOfAny(",\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }

            writer.Write('\n');
        }

        return (rows - bad, bad);
    }

    private static string Ascii(string name)
    {
        var ascii = new string([.. name.Where(char.IsAsciiLetter)]).ToLowerInvariant();
        return ascii.Length > 0 ? ascii : "user";
    }

    private static async Task<(double Seconds, long PeakWorkingSet, string Status, double CpuSeconds, double? DatabaseCpuSeconds)> ImportThroughApiAsync(string file, string? warmUpFile, string provider, string connection, string work, string[] modules)
    {
        var host = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../services/NotifyHub.Host/bin/Release/net10.0/notifyhub.dll"));
        if (!File.Exists(host))
        {
            throw new FileNotFoundException($"Build the host first: dotnet build -c Release services/NotifyHub.Host ({host})");
        }

        var port = FreePort();
        var start = HostProcess(host, [], provider, connection, work, modules);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Import ", StringComparison.Ordinal) == true) { System.Console.WriteLine($"host: {e.Data}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { System.Console.Error.WriteLine($"host: {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeout.InfiniteTimeSpan };
            await WaitReadyAsync(http, process);
            // Imports are a privacy officer's, not the admin's: one is added with the CLI, as an operator would.
            await AddPrivacyOfficerAsync(HostProcess(host, ["users", "add", "--email", OfficerEmail, "--role", "PrivacyOfficer"], provider, connection, work, modules));
            var signIn = await http.PostAsJsonAsync("api/v1/auth/login", new { email = OfficerEmail, password = AdminPassword });
            if (!signIn.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Sign-in failed with {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
            }

            var login = await signIn.Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
            if (warmUpFile is not null)
            {
                // A server that has imported before: the runtime has compiled the hot paths at full optimisation. A
                // cold host spends its first seconds re-compiling them on the cores the import needs.
                var warm = Stopwatch.StartNew();
                var (warmStatus, _, _) = await ImportAsync(http, warmUpFile, "Warm-up");
                System.Console.WriteLine($"warm-up import (cold host, own incident): {warm.Elapsed.TotalSeconds:N1} s, status {warmStatus.GetProperty("status")}");
            }

            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var databaseCpuBefore = provider == "postgresql" ? await PostgresCpu.SecondsAsync(connection) : null;
            var (status, clock, incidentId) = await ImportAsync(http, file, "Benchmark");
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var databaseCpu = provider == "postgresql" ? await PostgresCpu.SecondsAsync(connection) - databaseCpuBefore : null;
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            if (provider == "postgresql" && (modules.Length == 0 || modules.Contains("notifications") || modules.Contains("portal")))
            {
                // The import answers "completed" when its last batch commits; the modules fed by its messages may still
                // be working through them. A campaign or a portal sign-in needs them to have caught up.
                var rows = status.GetProperty("accepted").GetInt32();
                var (caughtUp, counts) = await CaughtUpAsync(connection, incidentId, clock);
                process.Refresh();
                var allCpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                var allDatabaseCpu = await PostgresCpu.SecondsAsync(connection) - databaseCpuBefore;
                System.Console.WriteLine($"modules caught up {caughtUp:N1} s after the upload ({counts}): {rows / caughtUp:N0} people a second; "
                    + $"host CPU {allCpu * 1e6 / rows:N0} µs and PostgreSQL CPU {allDatabaseCpu * 1e6 / rows:N0} µs per person until then");
            }

            return (seconds, PeakWorkingSet(process), status.ToString(), cpu, databaseCpu);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Imports the file into a new incident and waits until the import is no longer running; timed from the upload.</summary>
    private static async Task<(JsonElement Status, Stopwatch Clock, Guid IncidentId)> ImportAsync(HttpClient http, string file, string title)
    {
        var incident = await SucceededAsync(await http.PostAsJsonAsync("api/v1/incidents", new
        {
            title,
            summary = "Synthetic affected-party list.",
            discoveredAt = TimeProvider.System.GetUtcNow().AddDays(-1),
            cause = "misconfiguration",
            dataCategories = IncidentCategories,
            jurisdictions = Jurisdictions,
        }));
        var incidentId = incident.GetProperty("id").GetGuid();
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await http.PostAsync(new Uri($"api/v1/incidents/{incidentId}/imports", UriKind.Relative), content);
        var started = await SucceededAsync(response);
        var importId = started.GetProperty("importId").GetGuid();
        JsonElement status;
        do
        {
            await Task.Delay(250);
            status = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/incidents/{incidentId}/imports/{importId}", UriKind.Relative));
        }
        while (status.GetProperty("status").GetString() == "running");

        // A failed import ends early: its rows per second would read as a record, so the run stops here instead.
        if (status.GetProperty("status").GetString() != "completed")
        {
            throw new InvalidOperationException($"The {title.ToLowerInvariant()} import ended {status}; the host's output above says why.");
        }

        return (status, clock, incidentId);
    }

    /// <summary>
    /// When the modules fed by the import had its people: intake's outbox empty and the people notifications and the
    /// portal hold for the incident unchanged for two seconds; the time of the last change, on the import's clock.
    /// </summary>
    private static async Task<(double Seconds, string Counts)> CaughtUpAsync(string connection, Guid incidentId, Stopwatch clock)
    {
        const string Query = """
            SELECT (SELECT count(*) FROM intake.outbox_messages),
                   CASE WHEN to_regclass('notifications.known_people') IS NULL THEN -1
                        ELSE (SELECT count(*) FROM notifications.known_people WHERE "IncidentId" = @incident) END,
                   CASE WHEN to_regclass('portal.people') IS NULL THEN -1
                        ELSE (SELECT count(*) FROM portal.people WHERE "IncidentId" = @incident) END
            """;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        (long Notifications, long Portal) last = (-2, -2);
        var changedAt = clock.Elapsed.TotalSeconds;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(30))
        {
            await using var command = new NpgsqlCommand(Query, db);
            command.Parameters.AddWithValue("incident", incidentId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (outbox, now) = (reader.GetInt64(0), (reader.GetInt64(1), reader.GetInt64(2)));
            if (now != last || outbox > 0)
            {
                (last, changedAt) = (now, clock.Elapsed.TotalSeconds);
            }
            else if (clock.Elapsed.TotalSeconds - changedAt >= 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        return (changedAt, $"notifications knows {Known(last.Notifications)} people, the portal {Known(last.Portal)}");

        static string Known(long count) => count < 0 ? "no" : count.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> SucceededAsync(HttpResponseMessage response) => response.IsSuccessStatusCode
        ? await response.Content.ReadFromJsonAsync<JsonElement>()
        : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>The host binary on the benchmark's database and data folder, with the modules named.</summary>
    /// <param name="modules">The modules the host runs; none named runs them all.</param>
    private static ProcessStartInfo HostProcess(string host, string[] arguments, string provider, string connection, string work, string[] modules)
    {
        var start = new ProcessStartInfo("dotnet", [host, .. arguments])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = work,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("NotifyHub__Modules__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        for (var i = 0; i < modules.Length; i++)
        {
            start.Environment[$"NotifyHub__Modules__{i}"] = modules[i];
        }

        start.Environment["NotifyHub__DataDirectory"] = Path.Combine(work, "data");
        start.Environment["NotifyHub__Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["NotifyHub__Bootstrap__AdminPassword"] = AdminPassword;
        // A benchmark signs in with a password alone; the host logs that this is for tests and demos only.
        start.Environment["NotifyHub__Security__RequireTwoFactor"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__NotifyHub.Intake"] = "Information";
        if (provider == "postgresql")
        {
            start.Environment["NotifyHub__Database__Provider"] = "PostgreSql";
            start.Environment["ConnectionStrings__NotifyHub"] = connection;
        }

        return start;
    }

    private static async Task AddPrivacyOfficerAsync(ProcessStartInfo command)
    {
        using var cli = Process.Start(command)!;
        await cli.StandardInput.WriteLineAsync(AdminPassword);
        cli.StandardInput.Close();
        var output = await cli.StandardOutput.ReadToEndAsync() + await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"notifyhub users add failed ({cli.ExitCode}): {output}");
        }
    }

    /// <summary>VmHWM: the high-water mark of the process's resident set, what "peak working set" means on Linux.</summary>
    private static long PeakWorkingSet(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return process.PeakWorkingSet64;
    }

    /// <summary>The baseline: the same rows, parsed, straight into a bare table by binary COPY (no checks, no crypto).</summary>
    private static async Task<double> RawCopyAsync(string connection, string file)
    {
        await ExecuteAsync(connection, $"CREATE TABLE raw_import ({string.Join(", ", Columns.Select(c => $"{c} text"))})");
        var clock = Stopwatch.StartNew();
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var copy = await db.BeginBinaryImportAsync($"COPY raw_import ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            await reader.ReadLineAsync();
            while (await reader.ReadLineAsync() is { } line)
            {
                var fields = line.Split(',');
                await copy.StartRowAsync();
                for (var i = 0; i < Columns.Length; i++)
                {
                    await copy.WriteAsync(i < fields.Length ? fields[i] : "", NpgsqlDbType.Text);
                }
            }

            await copy.CompleteAsync();
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process process)
    {
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The host was not ready within 2 minutes.");
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
