using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NotifyHub.BuildingBlocks.Database;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Contracts.Portal;
using NotifyHub.Intake.Database;
using NotifyHub.Intake.Imports.Storage;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Purposes;
using System.Data.Common;
using System.Globalization;

namespace NotifyHub.Intake.Imports;

/// <summary>What the parallel stage hands the writer: one batch of rows (or a part of one), in file order.</summary>
internal sealed class PreparedBatch
{
    /// <summary>Whether the batch ends with this part: the writer commits the parts up to here together.</summary>
    public bool EndsBatch { get; init; } = true;

    /// <summary>Consecutive parts as the one batch they make.</summary>
    public static PreparedBatch Join(IReadOnlyList<PreparedBatch> parts) => parts.Count == 1 ? parts[0] : new PreparedBatch
    {
        RowsRead = parts.Sum(p => p.RowsRead),
        BytesThrough = parts[^1].BytesThrough,
        Parties = [.. parts.SelectMany(p => p.Parties)],
        Rejections = [.. parts.SelectMany(p => p.Rejections)],
        Warnings = [.. parts.SelectMany(p => p.Warnings)],
    };

    public required int RowsRead { get; init; }

    /// <summary>Plaintext bytes of the file read when the batch was cut, for the import's progress.</summary>
    public long BytesThrough { get; init; }

    public required List<PreparedParty> Parties { get; init; }

    public required List<RowIssue> Rejections { get; init; }

    public required List<RowIssue> Warnings { get; init; }
}

/// <summary>
/// Commits one batch in one transaction: finds who is already in the incident (by external_id blind index, asking the
/// database only about rows a <see cref="BlindIndexFilter"/> cannot rule out), gives each new person a reference
/// code nobody in the incident has, inserts the new, rewrites only the changed, records the issues, bumps the live
/// counts and writes the events to the outbox, so a crash leaves either all of the batch or none of it. Batches are
/// written one at a time, in order.
/// </summary>
internal sealed class ImportWriter(IntakeDbContext db, IPartyStore store, FieldCipher cipher, ProjectionBuilder projections,
    PartyEncoder encoder, Guid incidentId, Guid importId, int maxStoredIssues, Func<string>? newReferenceCode = null)
{
    /// <summary>Where a replacement code comes from: <see cref="ReferenceCodes.New"/>, or a test's own sequence.</summary>
    private readonly Func<string> drawCode = newReferenceCode ?? ReferenceCodes.New;

    /// <summary>Issues stored so far (committed); past <c>maxStoredIssues</c> only the counts grow.</summary>
    private int _storedIssues;

    private const int Attempts = 3;

    /// <summary>People per published message, whatever the batch size: a batch of the default 5,000 sends five of each.</summary>
    public const int MessageParties = 1000;

    /// <summary>The incident's external_id indexes as last read, plus those this import inserted since.</summary>
    private BlindIndexFilter? _known;

    /// <summary>
    /// The incident's reference-code indexes as last read, plus every code this import has given since (as it gives
    /// it, so that a later row of the same batch cannot take it; a batch written again draws its rows new codes).
    /// </summary>
    private BlindIndexFilter? _codes;

    /// <summary>
    /// How many people the incident held when the filters were read, plus those this import inserted since. Anyone
    /// else's insert changes the incident's count, and the filters are read again.
    /// </summary>
    private long _people;

    /// <summary>Whether any batch moved a residence count: only then do the incident's counts need announcing.</summary>
    public bool CountsChanged { get; private set; }

    /// <summary>Rows the filter could not rule out, looked up in the database (and in how many queries), for profiling.</summary>
    public (long Rows, long Queries) LookedUp { get; private set; }

    /// <summary>Milliseconds per phase over the whole import, logged at the end for profiling.</summary>
    public Dictionary<string, long> Phases { get; } = [];

    private readonly System.Diagnostics.Stopwatch _phase = new();

    private void Lap(string phase)
    {
        Phases[phase] = Phases.GetValueOrDefault(phase) + _phase.ElapsedMilliseconds;
        _phase.Restart();
    }

    public async Task WriteAsync(PreparedBatch batch, CancellationToken ct)
    {
        // A later row with the same external_id in the batch updates the earlier one: keep the last, count the rest.
        var latest = new Dictionary<BlindIndex, PreparedParty>(batch.Parties.Count);
        foreach (var party in batch.Parties)
        {
            latest[party.ExternalIdIndex] = party;
        }

        var lookUpAll = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(batch, latest, lookUpAll, ct);
                return;
            }
            catch (DbException e) when (attempt < Attempts && e.Message.Contains(nameof(AffectedParty.ExternalIdIndex), StringComparison.Ordinal))
            {
                // Someone the filter did not know was inserted meanwhile (another instance importing into the
                // incident): write the batch again, asking the database about every row.
                db.ChangeTracker.Clear();
                lookUpAll = true;
            }
        }
    }

    private async Task WriteOnceAsync(PreparedBatch batch, Dictionary<BlindIndex, PreparedParty> latest, bool lookUpAll, CancellationToken ct)
    {
        _phase.Restart();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var people = await store.LockIncidentAsync(connection, dbTransaction, incidentId, ct);
        Lap("lock");
        // Under the incident's lock: who is there already, whoever inserted them. Read at the first batch, and again
        // only if someone else (another import, another instance) added people since.
        if (_known is null || _codes is null || people != _people)
        {
            BlindIndexFilter known = new(), codes = new();
            await store.ReadIndexesAsync(connection, dbTransaction, incidentId, (externalId, code) =>
            {
                known.Add(externalId);
                codes.Add(code);
            }, ct);
            (_known, _codes, _people) = (known, codes, people);
            Lap("known");
        }

        List<BlindIndex> maybeStored = lookUpAll ? [.. latest.Keys] : [.. latest.Keys.Where(_known.MayContain)];
        var existing = maybeStored.Count == 0 ? [] : await store.FindAsync(connection, dbTransaction, incidentId, maybeStored, ct);
        LookedUp = maybeStored.Count == 0 ? LookedUp : (LookedUp.Rows + maybeStored.Count, LookedUp.Queries + 1);
        Lap("find");

        var inserts = new List<PartyRow>();
        var updates = new List<PartyRow>();
        var changed = new List<PreparedParty>();
        var residences = new Dictionary<string, long>(StringComparer.Ordinal);
        var updated = batch.Parties.Count - latest.Count;
        foreach (var (key, party) in latest)
        {
            var residence = Residence.Of(party.Party);
            if (existing.TryGetValue(key, out var stored))
            {
                updated++;
                var (referenceCode, oldResidence) = await ChangedReferenceCodeAsync(stored, party, ct);
                if (referenceCode is null)
                {
                    continue;
                }

                party.Sealed = await encoder.SealAsync(projections, party.Party, stored.Id, referenceCode);
                updates.Add(Row(party));
                if (oldResidence != residence)
                {
                    // A corrected address moves the person between jurisdictions: one count down, one up.
                    residences[oldResidence] = residences.GetValueOrDefault(oldResidence) - 1;
                    residences[residence] = residences.GetValueOrDefault(residence) + 1;
                }
            }
            else
            {
                if (_codes.MayContain(party.Sealed.ReferenceCodeIndex))
                {
                    await DrawUnusedCodeAsync(party);
                }

                _codes.Add(party.Sealed.ReferenceCodeIndex);
                inserts.Add(Row(party));
                residences[residence] = residences.GetValueOrDefault(residence) + 1;
            }

            changed.Add(party);
        }

        Lap("compare");

        // The events (about a megabyte of JSON per batch) are serialised on another thread while the database takes
        // the people: the writer is the pipeline's bottleneck and its thread would otherwise do both in turn. Until
        // it is awaited, this thread uses only the store's raw connection, never the DbContext the events go into.
        var publishing = Task.Run(() => Publish(changed), CancellationToken.None);
        List<RowIssue> issues;
        try
        {
            await store.InsertAsync(connection, dbTransaction, inserts, ct);
            Lap("insert");
            await store.UpdateAsync(connection, dbTransaction, updates, ct);
            Lap("update");
            issues = [.. batch.Rejections.Concat(batch.Warnings).OrderBy(i => i.Line).Take(Math.Max(0, maxStoredIssues - _storedIssues))];
            await store.InsertIssuesAsync(connection, dbTransaction, importId, issues, ct);
            Lap("issues");
        }
        finally
        {
            // Also on failure: a retry clears the change tracker, which must not race the serialising thread.
            await publishing.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        await publishing;
        Lap("publish");
        await store.InsertOutboxAsync(db, ct);
        Lap("outbox");
        await CountResidencesAsync(residences, ct);
        Lap("residences");
        await db.Imports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.RowsRead, i => i.RowsRead + batch.RowsRead)
            .SetProperty(i => i.Accepted, i => i.Accepted + inserts.Count)
            .SetProperty(i => i.Updated, i => i.Updated + updated)
            .SetProperty(i => i.Rejected, i => i.Rejected + batch.Rejections.Count)
            .SetProperty(i => i.Warnings, i => i.Warnings + batch.Warnings.Count), ct);
        Lap("counts");
        await transaction.CommitAsync(ct);
        _storedIssues += issues.Count;
        foreach (var row in inserts)
        {
            _known.Add(row.ExternalIdIndex);
        }

        _people += inserts.Count;

        db.ChangeTracker.Clear();
        Lap("commit");
    }

    /// <summary>
    /// A new person's code must be no one else's: one the code filter cannot rule out (about 1 in 10,000 at a million
    /// people, or a real collision of 75 random bits) is drawn again, until the filter rules it out, and the person is
    /// sealed again with it.
    /// </summary>
    private async Task DrawUnusedCodeAsync(PreparedParty party)
    {
        do
        {
            party.Sealed = await encoder.SealAsync(projections, party.Party, party.Sealed.Id, drawCode());
        }
        while (_codes!.MayContain(party.Sealed.ReferenceCodeIndex));
    }

    /// <summary>
    /// The stored reference code when the row changes anything (null when it changes nothing), and where the stored
    /// person lived, so a move between jurisdictions moves the counts.
    /// </summary>
    private async Task<(string? ReferenceCode, string Residence)> ChangedReferenceCodeAsync(StoredParty stored, PreparedParty party, CancellationToken ct)
    {
        var old = await cipher.DecryptRecordAsync(EncryptedField.FromBytes(stored.Record), stored.Id, PartyEncoder.RecordName, ct);
        var referenceCode = old[PartyEncoder.ReferenceCodeField].Reveal();
        var now = PartyEncoder.RecordFields(party.Party, referenceCode);
        var same = stored.Language == party.Party.Language
            && stored.DataCategories == party.Categories
            && old.Count == now.Count
            && now.All(f => old.TryGetValue(f.Key, out var value) && value.Reveal() == f.Value.Reveal());
        var residence = Imports.Residence.Of(
            old.GetValueOrDefault(ImportColumn.Country.Name())?.Reveal(), old.GetValueOrDefault(ImportColumn.Region.Name())?.Reveal());
        return (same ? null : referenceCode, residence);
    }

    /// <summary>One upsert for every jurisdiction the batch touched (a handful of rows), in the batch's transaction.</summary>
    private async Task CountResidencesAsync(Dictionary<string, long> residences, CancellationToken ct)
    {
        var moved = residences.Where(r => r.Value != 0).ToList();
        if (moved.Count == 0)
        {
            return;
        }

        var names = StoreNames.Of<ResidenceCount>(db);
        string incident = names.Column(nameof(ResidenceCount.IncidentId)), jurisdiction = names.Column(nameof(ResidenceCount.Jurisdiction)),
            count = names.Column(nameof(ResidenceCount.Count));
        // One row of placeholders per jurisdiction; the keys are distinct, so no row is upserted twice in the statement.
        var rows = string.Join(", ", moved.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"({{{3 * i}}}, {{{(3 * i) + 1}}}, {{{(3 * i) + 2}}})")));
        // The alias: PostgreSQL finds a bare column ambiguous between the stored row and "excluded".
        var sql = $"INSERT INTO {names.Table} AS t ({incident}, {jurisdiction}, {count}) VALUES {rows} " +
            $"ON CONFLICT ({incident}, {jurisdiction}) DO UPDATE SET {count} = t.{count} + excluded.{count}";
        object[] values = [.. moved.SelectMany(r => new object[] { incidentId, r.Key, r.Value })];
        await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        CountsChanged = true;
    }

    /// <summary>
    /// A batch's events, in parts of at most <see cref="MessageParties"/> people each: with a larger batch size a single
    /// message (and each copy of it on its way through the outbox and the bus) would grow with the batch.
    /// </summary>
    private void Publish(List<PreparedParty> changed)
    {
        foreach (var part in changed.Chunk(MessageParties))
        {
            db.Publish(new AffectedPartiesImported(incidentId, importId, part.Length, [.. part.Select(p => p.Sealed.Id)]));
            // Notifications learns who is reachable on what, not how: it asks for the projections when it sends
            // (Notifications/), so the import carries no ciphertext for it (a megabyte a batch when it did).
            db.Publish(new AffectedPartiesListed(incidentId, importId, InternalHolders.Notifications, [.. part.Select(p => new ListedParty(
                p.Sealed.Id, p.Party.Language, p.Party.DataCategories,
                [.. PartyEncoder.NotificationPurposes.Where(purpose => PartyEncoder.HasChannel(p.Party, purpose)).Select(purpose => purpose.Code())]))]));
            db.Publish(new PortalPartiesProjected(incidentId, importId, [.. part.Select(p => new PortalParty(
                p.Sealed.Id, p.Sealed.PortalProjection, p.Sealed.ReferenceCodeIndex.ToArray(), p.DateOfBirthIndex?.ToArray(), p.PostcodeIndex?.ToArray()))]));
        }
    }

    private PartyRow Row(PreparedParty party) => new(
        party.Sealed.Id, incidentId, party.ExternalIdIndex, party.Sealed.ReferenceCodeIndex, party.EmailIndex, party.PhoneIndex,
        party.DateOfBirthIndex, party.PostcodeIndex, PartyEncoder.Bytes(party.Sealed.Record), party.Party.Language, party.Categories, importId);
}
