using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Incidents;
using NotifyHub.Portal.Notifications;
using NotifyHub.Portal.People;
using NotifyHub.Portal.Sessions;
using NotifyHub.Portal.Throttling;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Keys;
using System.Security.Cryptography;

namespace NotifyHub.Portal.Status;

/// <summary>What a status check ends in: a verified person's status, a throttled client, or the one "no match".</summary>
public sealed record StatusOutcome(StatusResponse? Status, TimeSpan? RetryAfter, PortalPerson? Person = null)
{
    public bool Matched => Status is not null;
}

/// <summary>
/// Checks a reference code and one factor. Every failure (unknown or malformed code, wrong factor, locked code) does
/// the same work — an index per open incident, one lookup for all of them, both factor indexes, a read of the client's
/// failures, a counter update and a failure row — and gives the same answer, so neither the body nor the timing tells
/// an attacker which it was. A success reads the client's failures within its lookup.
/// </summary>
public sealed class StatusCheck(
    RequestPortalDb requestDb, PortalReadContexts reads, OpenIncidents open, BlindIndexer indexer, PortalThrottle throttle, PortalSessions sessions,
    StatusView view, IOptions<PortalOptions> options, TimeProvider clock)
{
    /// <summary>A well-formed code no one has: what an unreadable code is looked up as, so that path does the same work.</summary>
    private const string Decoy = "0000-0000-0000-0000";

    public async Task<StatusOutcome> CheckAsync(StatusRequest request, HttpContext context, string? uiLanguage, CancellationToken ct)
    {
        StatusInput.Validate(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)));
        var clientKey = await throttle.ClientKeyAsync(context, ct);
        var readable = ReferenceCodeReader.TryRead(request.ReferenceCode, out var canonical);
        IReadOnlyList<Guid> incidents;
        Found? found;
        // Reads go through a pooled context (see PortalReadContexts); the writes below stay on the request's context.
        await using (var read = reads.Rent())
        {
            incidents = await open.ListAsync(read, ct);
            found = await FindAsync(read, incidents, readable ? canonical! : Decoy, clientKey, ct);
        }

        var person = readable ? found?.Person : null;
        var now = clock.GetUtcNow();
        var factorIncident = person?.IncidentId ?? (incidents.Count > 0 ? incidents[0] : Guid.Empty);
        var factorMatches = await FactorMatchesAsync(person, factorIncident, request, ct);
        var locked = person?.LockedUntil is { } until && until > now;
        if (person is not null && factorMatches && !locked)
        {
            // The client's recent failures came with the person: a client over its limit gets no session, right answer or not.
            if (throttle.WaitAfter(found!.NthRecentFailure) is { } throttled)
            {
                return new StatusOutcome(null, throttled);
            }

            if (person.FailedFactors != 0)
            {
                // Only when there is something to reset: an UPDATE per check would be a second commit on every success.
                await requestDb.Context.People.Where(p => p.PersonId == person.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.FailedFactors, 0), ct);
            }

            // The session is the success path's only write, committed together with those of concurrent checks.
            var (token, expiresAt) = await sessions.StartAsync(person.PersonId, person.IncidentId, ct);
            return new StatusOutcome(await view.BuildAsync(person, token, expiresAt, uiLanguage, found.Notifications, ct), null, person);
        }

        // Every failure reads the client's failures on its own: an unknown code brings no row to carry them, so a wrong
        // factor and a locked code read them again too, and all three do the same work. Over the limit, nothing is counted.
        if (await throttle.RetryAfterAsync(clientKey, ct) is { } wait)
        {
            return new StatusOutcome(null, wait);
        }

        // A locked code's attempts count against the client, not the code: the lock runs 15 minutes from when it was set.
        var counted = person is not null && !locked ? person.PersonId : Guid.Empty;
        // The code's counter, the failure row and the global alarm in one transaction: one commit (a disk flush)
        // instead of three, the same for every kind of failure.
        var db = requestDb.Context;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await CountFailedFactorAsync(db, counted, now, ct);
            await throttle.RecordFailureAsync(clientKey, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new StatusOutcome(null, null);
    }

    /// <summary>
    /// The person holding the code in any open incident, in one query: the code's index under each open incident's
    /// key, all looked up at once, so every incident is searched whether or not one matches.
    /// </summary>
    private async Task<Found?> FindAsync(PortalDbContext read, IReadOnlyList<Guid> incidents, string code, byte[] clientKey, CancellationToken ct)
    {
        var probes = new List<PeopleLookup.Probe>(incidents.Count);
        foreach (var incident in incidents)
        {
            try
            {
                probes.Add(new(incident, (await indexer.ComputeAsync(incident, BlindIndexKind.ReferenceCode, code, ct)).ToArray()));
            }
            catch (KeyDestroyedException)
            {
                // Shredded: nobody in it can be found any more.
            }
        }

        if (probes.Count == 0)
        {
            return null;
        }

        // The person's notifications and the client's recent failures (for the throttle) come in the same round trip;
        // the notifications stay in memory unless the factor matches.
        var (since, skip) = throttle.ClientWindow();
        var candidates = await PeopleLookup.FindAsync(read, probes, clientKey, since, skip, ct);
        var found = candidates.FirstOrDefault(c => probes.Any(probe => probe.Incident == c.Person.IncidentId && Same(probe.Index, c.Person.ReferenceCodeIndex)));
        return found is null ? null : new Found(found.Person, found.Notifications, found.NthRecentFailure);
    }

    private async Task<bool> FactorMatchesAsync(PortalPerson? person, Guid incident, StatusRequest request, CancellationToken ct)
    {
        var dob = await IndexAsync(incident, BlindIndexKind.DateOfBirth, request.DateOfBirth, ct);
        var postcode = await IndexAsync(incident, BlindIndexKind.Postcode, request.Postcode, ct);
        var dobMatches = dob is not null && Same(dob, person?.DateOfBirthIndex);
        var postcodeMatches = postcode is not null && Same(postcode, person?.PostcodeIndex);

        // Every factor given must match; at least one is given (validated).
        return (dob is null || dobMatches) && (postcode is null || postcodeMatches) && (dob is not null || postcode is not null);
    }

    private async Task<byte[]?> IndexAsync(Guid incident, BlindIndexKind kind, string? value, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value) || incident == Guid.Empty)
        {
            return null;
        }

        try
        {
            return (await indexer.ComputeAsync(incident, kind, value, ct)).ToArray();
        }
        catch (KeyDestroyedException)
        {
            return null;
        }
    }

    private sealed record Found(PortalPerson Person, List<PortalNotification> Notifications, DateTimeOffset? NthRecentFailure);

    private static bool Same(byte[] typed, byte[]? stored) =>
        stored is not null && CryptographicOperations.FixedTimeEquals(typed, stored);

    /// <summary>
    /// One more failed factor for the code; reaching the limit locks it and starts the count again. One statement (both
    /// sides of each assignment see the row as it was), so concurrent failures cannot skip the lock. Runs (on no row)
    /// for an unknown code too.
    /// </summary>
    private async Task CountFailedFactorAsync(PortalDbContext db, Guid personId, DateTimeOffset now, CancellationToken ct)
    {
        var max = options.Value.MaxFailedFactors;
        DateTimeOffset? lockUntil = now + options.Value.LockDuration;
        await db.People.Where(p => p.PersonId == personId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.LockedUntil, p => p.FailedFactors + 1 >= max ? lockUntil : p.LockedUntil)
            .SetProperty(p => p.FailedFactors, p => p.FailedFactors + 1 >= max ? 0 : p.FailedFactors + 1), ct);
    }
}
