using MassTransit;
using Microsoft.Extensions.Logging;
using NotifyHub.Testing;
using Npgsql;
using System.Collections.Concurrent;
using System.Text.Json;

namespace NotifyHub.IntegrationTests.Privacy;

/// <summary>Everything the canary test inspects: log lines and bus message bodies as they were written, and the databases.</summary>
public sealed class CanaryEvidence : ILoggerProvider, IPublishObserver, ISendObserver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ConcurrentQueue<string> LogLines { get; } = new();

    public ConcurrentQueue<string> MessageBodies { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, LogLines);

    public void Dispose()
    {
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Record(context.Message);

    public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PreSend<T>(SendContext<T> context) where T : class => Record(context.Message);

    public Task PostSend<T>(SendContext<T> context) where T : class => Task.CompletedTask;

    public Task SendFault<T>(SendContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>The findings: where each forbidden value was seen. Empty means the canary survived.</summary>
    public IReadOnlyList<string> Leaks(IEnumerable<(string Source, string Text)> more)
    {
        var sources = LogLines.Select(l => ("log", l)).Concat(MessageBodies.Select(m => ("bus message", m))).Concat(more);
        return [.. from source in sources
                   from value in CanaryPerson.TextForms()
                   where source.Item2.Contains(value, StringComparison.OrdinalIgnoreCase)
                   select $"{value} in {source.Item1}: {Excerpt(source.Item2, value)}"];
    }

    /// <summary>Raw bytes of every database file under the data directory (SQLite files, WAL and journals included).</summary>
    public static IReadOnlyList<string> SqliteLeaks(string dataDirectory)
    {
        var files = Directory.EnumerateFiles(dataDirectory, "*.db*", SearchOption.AllDirectories).ToList();
        files.ShouldNotBeEmpty();
        return [.. from file in files
                   let bytes = File.ReadAllBytes(file)
                   from form in CanaryPerson.ByteForms()
                   where bytes.AsSpan().IndexOf(form.Bytes) >= 0
                   select $"{form.Value} in {Path.GetFileName(file)}"];
    }

    /// <summary>Every row of every table in every NotifyHub schema, as PostgreSQL prints it (bytea as hex).</summary>
    public static async Task<IReadOnlyList<(string Source, string Text)>> PostgresRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Count.ShouldBeGreaterThan(10);
        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((table, reader.GetString(0)));
            }
        }

        return rows;
    }

    /// <summary>
    /// The audit log's entries as auditors read them, details JSON unescaped (so an escaped value is found too). Waits
    /// for <paramref name="expectedAction"/>: modules' entries reach the chain through their outbox, a moment later.
    /// </summary>
    public static async Task<IReadOnlyList<(string Source, string Text)>> AuditRowsAsync(IServiceProvider services, string expectedAction)
    {
        IReadOnlyList<NotifyHub.Privacy.Audit.AuditEntry> entries = [];
        await Eventually.TrueAsync(async () =>
        {
            entries = await AuditTrail.EntriesAsync(services);
            return entries.Any(e => e.Action == expectedAction);
        }, TimeSpan.FromSeconds(30), $"no {expectedAction} audit entry");
        return [.. entries.Select(e => ("audit log", string.Join('|',
            e.Action, e.Outcome, e.Fields, e.Purpose, e.ActorUserId, e.SubjectId, e.Details,
            string.Join('|', (e.Details is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(e.Details)!)
                .Select(d => $"{d.Key}={d.Value}")))))];
    }

    private Task Record<T>(T message)
        where T : class
    {
        MessageBodies.Enqueue($"{typeof(T).Name} {JsonSerializer.Serialize(message, Json)}");
        return Task.CompletedTask;
    }

    private static string Excerpt(string text, string value)
    {
        var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - 60);
        return text.Substring(start, Math.Min(text.Length - start, value.Length + 120));
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The formatted line, every structured value (what a JSON log sink would write) and the exception.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}
