namespace NotifyHub.BuildingBlocks.Messaging;

/// <summary>
/// Splits a batch of events into rounds for multi-row upserts: a statement may touch a row once, so an entity's second
/// event in the batch goes in the second round, and so on, keeping the batch's order. Each round is sorted by key, so
/// that two batches upserting the same rows lock them in the same order, and cut into statements of at most
/// <see cref="MaxRows"/> rows, in that order.
/// </summary>
public static class UpsertRounds
{
    /// <summary>
    /// Rows in one statement. A message may carry hundreds of events (a letter batch's hand-over), and a statement has
    /// a bound on its parameters (PostgreSQL 65,535; SQLite 32,766): at six or seven a row, 1,000 rows stay well under.
    /// </summary>
    public const int MaxRows = 1_000;

    public static List<List<T>> Split<T>(IReadOnlyList<T> events, Func<T, Guid> key)
    {
        var rounds = new List<List<T>>();
        var seen = new Dictionary<Guid, int>();
        foreach (var e in events)
        {
            var id = key(e);
            var round = seen[id] = seen.TryGetValue(id, out var earlier) ? earlier + 1 : 0;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[round].Add(e);
        }

        foreach (var round in rounds)
        {
            round.Sort((a, b) => key(a).CompareTo(key(b)));
        }

        return [.. rounds.SelectMany(round => round.Chunk(MaxRows).Select(statement => statement.ToList()))];
    }
}
