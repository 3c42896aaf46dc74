using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NotifyHub.Host;

/// <summary>
/// <c>notifyhub import --server URL --incident ID [--encoding E] [--token T] FILE</c>: streams FILE to the import API
/// with a progress bar (bytes sent, then rows/s while the server imports), then prints the counts and saves the error
/// report beside the file. The bearer token comes from <c>--token</c> or, better (it stays out of shell history and
/// <c>ps</c>), the NOTIFYHUB_TOKEN environment variable; with <c>--email</c> instead, the password is read from one
/// line of standard input and exchanged for a token at <c>POST /api/v1/auth/login</c>.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "NotifyHub's base address, e.g. https://notifyhub.example.com", Required = true };
        var incident = new Option<Guid>("--incident") { Description = "The incident to import into.", Required = true };
        var encoding = new Option<string?>("--encoding") { Description = "shift_jis, utf-16, iso-8859-1 (default utf-8)." };
        var token = new Option<string?>("--token") { Description = "Bearer token (default: NOTIFYHUB_TOKEN)." };
        var email = new Option<string?>("--email") { Description = "Sign in as this user; the password is read from standard input." };
        var file = new Argument<FileInfo>("FILE") { Description = "A .csv or .ndjson file." };
        var import = new Command("import", "Import a file of affected people into an incident.") { server, incident, encoding, token, email, file };
        import.SetAction((parse, ct) => CliGuard.Run(() => RunAsync(ServerUri(parse.GetValue(server)!), parse.GetValue(incident),
            parse.GetValue(encoding), parse.GetValue(token), parse.GetValue(email), parse.GetValue(file)!, ct)));
        return import;
    }

    /// <summary>An absolute http(s) address; a trailing slash is added so relative API paths resolve beneath it.</summary>
    private static Uri ServerUri(string value) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"--server {value} is not an http(s) address, e.g. http://127.0.0.1:5080");

    private static async Task RunAsync(Uri server, Guid incident, string? encoding, string? token, string? email, FileInfo file,
        CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException($"{file.FullName} does not exist");
        }

        // The upload may take minutes: no overall timeout; connecting and each poll are bounded instead.
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, token, email, ct));

        var contentType = file.Extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? "application/x-ndjson" : "text/csv";
        var query = encoding is null ? "" : $"?encoding={Uri.EscapeDataString(encoding)}";
        Guid importId = default;
        ImportState? status = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"Uploading {file.Name}", maxValue: Math.Max(1, file.Length));
                await using (var stream = new ProgressStream(file.OpenRead(), upload))
                {
                    using var content = new StreamContent(stream, 64 * 1024);
                    content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                    using var response = await http.PostAsync(new Uri($"api/v1/incidents/{incident}/imports{query}", UriKind.Relative), content, ct);
                    await EnsureAsync(response, ct);
                    importId = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("importId").GetGuid();
                }

                upload.StopTask();
                // The bar is the share of the file the server has committed; rows/s and the time left are the server's
                // own figures from its committed batches (GET .../imports/{id}), so a resumed import shows its real pace.
                var rows = progress.AddTask("Importing rows", maxValue: 1);
                while (true)
                {
                    using var poll = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, poll.Token);
                    status = await http.GetFromJsonAsync<ImportState>(new Uri($"api/v1/incidents/{incident}/imports/{importId}", UriKind.Relative), linked.Token);
                    rows.Value = status!.FractionDone ?? rows.Value;
                    rows.Description = Describe(status);
                    if (status.Status != "running")
                    {
                        rows.Value = rows.MaxValue;
                        break;
                    }

                    await Task.Delay(500, ct);
                }
            });

        var report = Path.Combine(file.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(file.Name)}.errors-{importId:N}.csv");
        await using (var errors = await http.GetStreamAsync(new Uri($"api/v1/incidents/{incident}/imports/{importId}/errors", UriKind.Relative), ct))
        await using (var output = File.Create(report))
        {
            await errors.CopyToAsync(output, ct);
        }

        await System.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Import {importId} {status!.Status}: {status.RowsRead} rows read, {status.Accepted} accepted, {status.Updated} updated, {status.Rejected} rejected, {status.Warnings} warnings."));
        await System.Console.Out.WriteLineAsync($"Error report: {report}");
        if (status.Status != "completed")
        {
            throw new CliException($"the import failed: {status.Failure}");
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string? token, string? email, CancellationToken ct)
    {
        token ??= Environment.GetEnvironmentVariable("NOTIFYHUB_TOKEN");
        if (!string.IsNullOrEmpty(token))
        {
            return token;
        }

        if (email is null)
        {
            throw new CliException("no credentials: set NOTIFYHUB_TOKEN, or pass --token, or --email with the password on standard input");
        }

        var password = await System.Console.In.ReadLineAsync(ct);
        if (string.IsNullOrEmpty(password))
        {
            throw new CliException("no password on standard input");
        }

        using var response = await http.PostAsJsonAsync(new Uri("api/v1/auth/login", UriKind.Relative), new { email, password }, ct);
        await EnsureAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var detail = body;
            try
            {
                var problem = JsonDocument.Parse(body).RootElement;
                detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? body : body;
            }
            catch (JsonException)
            {
                // not problem+json: show the body as it is
            }

            throw new CliException($"the server refused ({(int)response.StatusCode}): {detail}");
        }
    }

    /// <summary>One line for the progress bar: rows so far, then the server's rate and estimate once it has them.</summary>
    public static string Describe(ImportState status)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"Importing: {status.RowsRead:N0} rows");
        if (status.RowsPerSecond is { } rate)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {rate:N0} rows/s");
        }

        if (status.SecondsLeft is { } left)
        {
            line += $", about {TimeLeft(TimeSpan.FromSeconds(left))} left";
        }

        return line;
    }

    public static string TimeLeft(TimeSpan left) => left.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours} h {left.Minutes:D2} min")
        : left.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalMinutes} min {left.Seconds:D2} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(left.TotalSeconds))} s");

    public sealed record ImportState(string Status, long RowsRead, long Accepted, long Updated, long Rejected, long Warnings, string? Failure,
        double? RowsPerSecond = null, double? FractionDone = null, double? SecondsLeft = null);

    /// <summary>Counts bytes as HttpClient reads the file, for the progress bar.</summary>
    private sealed class ProgressStream(Stream inner, ProgressTask task) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            task.Increment(read);
            return read;
        }
    }
}
