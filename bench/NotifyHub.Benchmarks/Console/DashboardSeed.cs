using Npgsql;
using System.Globalization;

namespace NotifyHub.Benchmarks.Console;

/// <summary>
/// Grows a really imported incident to a million people in SQL, so the dashboard is read at the size the issue names
/// without importing and sending a million messages first. Each module's rows for the incident are copied
/// <c>rounds</c> times with new ids; a person's new id is <c>md5(old id || round)</c> in every module, so the copies
/// stay consistent across schemas. Copies are numbers only: their ciphertexts are bound to the old ids and could not
/// be opened, so no copy is ever due: queued copies wait a day (<c>NotBefore</c>) and the delivery loop skips them.
/// </summary>
internal static class DashboardSeed
{
    public static async Task GrowAsync(string connectionString, Guid incident, int rounds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = TimeProvider.System.GetUtcNow();
        // {SENT}: the copies' sending spread over the last 24 hours, so the chart over time has a shape; {LATER}: a day
        // from now. Each is written for the column's type (timestamps are UTC ticks in some tables).
        const string sentAt = "{SENT}";
        await CopyAsync(connection, "notifications.affected_parties", incident, rounds, new()
        {
            ["Id"] = null,
            ["PersonId"] = "md5(\"PersonId\"::text || r)::uuid",
        }, now);
        await CopyAsync(connection, "notifications.notifications", incident, rounds, new()
        {
            ["Id"] = "md5(\"Id\"::text || r)::uuid",
            ["PersonId"] = "md5(\"PersonId\"::text || r)::uuid",
            ["Status"] = "(CASE WHEN r % 20 < 12 THEN 'delivered' WHEN r % 20 < 15 THEN 'sent' WHEN r % 20 < 18 THEN 'queued' WHEN r % 20 = 18 THEN 'failed' ELSE 'suppressed' END)",
            ["NotBefore"] = "(CASE WHEN r % 20 BETWEEN 15 AND 17 THEN {LATER} END)",
            ["LeaseUntil"] = "NULL",
            ["BatchId"] = "NULL",
            ["ProviderMessageId"] = "NULL",
            ["SentAt"] = $"(CASE WHEN r % 20 < 15 OR r % 20 = 18 THEN {sentAt} END)",
            ["CompletedAt"] = $"(CASE WHEN r % 20 < 12 OR r % 20 >= 18 THEN {sentAt} END)",
        }, now);
        await CopyAsync(connection, "callcentre.person_notifications", incident, rounds, new()
        {
            ["NotificationId"] = "md5(\"NotificationId\"::text || r)::uuid",
            ["PersonId"] = "md5(\"PersonId\"::text || r)::uuid",
            ["SentAt"] = sentAt,
        }, now);
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static string Timed(string expression, string type) => type == "bigint"
        ? expression.Replace("{SENT}", "(@nowTicks - (r::bigint * 864000000000 / @rounds))", StringComparison.Ordinal)
            .Replace("{LATER}", "(@nowTicks + 864000000000)", StringComparison.Ordinal)
        : expression.Replace("{SENT}", "(@now - make_interval(secs => (r * 86400.0) / @rounds))", StringComparison.Ordinal)
            .Replace("{LATER}", "(@now + interval '1 day')", StringComparison.Ordinal);

    /// <summary>Copies the incident's rows of <paramref name="table"/>; a null override leaves the column to its default.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, Guid incident, int rounds,
        Dictionary<string, string?> overrides, DateTimeOffset now)
    {
        var (schema, name) = (table.Split('.')[0], table.Split('.')[1]);
        var columns = new List<string>();
        var types = new Dictionary<string, string>();
        await using (var read = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position", connection))
        {
            read.Parameters.AddWithValue("s", schema);
            read.Parameters.AddWithValue("t", name);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var kept = columns.Where(c => !overrides.TryGetValue(c, out var o) || o is not null).ToList();
        var select = kept.Select(c => overrides.TryGetValue(c, out var o) ? Timed(o!, types[c]) : $"\"{c}\"");
        var sql = $"INSERT INTO {table} ({string.Join(", ", kept.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", select)} FROM {table}, generate_series(1, @rounds) AS r WHERE \"IncidentId\" = @incident";
        await using var copy = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        copy.Parameters.AddWithValue("rounds", rounds);
        copy.Parameters.AddWithValue("incident", incident);
        copy.Parameters.AddWithValue("now", now);
        copy.Parameters.AddWithValue("nowTicks", now.UtcTicks);
        var rows = await copy.ExecuteNonQueryAsync();
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: +{rows:N0} rows"));
    }
}
