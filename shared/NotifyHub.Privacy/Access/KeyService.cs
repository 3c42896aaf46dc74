using Microsoft.EntityFrameworkCore;
using NotifyHub.Contracts.Privacy;
using NotifyHub.Privacy.Audit;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Privacy.Access;

/// <summary>
/// The only way a vendor's user reads a projection: one record per call, after checking role,
/// vendor, assignment and block; metered per user; every call, granted or refused, audited.
/// </summary>
public sealed class KeyService(
    PrivacyDbContext db,
    FieldCipher cipher,
    AuditLog audit,
    IPrivacyEventPublisher events,
    KeyServiceOptions options,
    TimeProvider time)
{
    private readonly BulkAccessMeter _meter = new(db, options, time);

    /// <exception cref="AccessDeniedException">Wrong role, wrong vendor, or the vendor is not assigned.</exception>
    /// <exception cref="AccessBlockedException">The user is blocked, or this call went past the rate limit.</exception>
    /// <exception cref="KeyDestroyedException">The vendor was revoked.</exception>
    /// <exception cref="FieldDecryptionException">The projection was altered or belongs to another record.</exception>
    public async Task<DecryptedProjection> DecryptAsync(AccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allowed = PurposeAllowList.For(request.Purpose);

        // One query when the user was never blocked and the vendor is assigned (nearly every read); otherwise each
        // check on its own, in the order that decides the outcome audited: block, role and vendor, assignment.
        AccessBlock? block = null;
        var count = AccessPolicy.Check(request) is null
            ? await _meter.CountIfAssignedAndNeverBlockedAsync(request, cancellationToken)
            : null;
        if (count is null)
        {
            block = await _meter.FindBlockAsync(request.UserId, cancellationToken);
            if (block is { IsActive: true })
            {
                await AuditAsync(request, AuditOutcomes.Blocked, allowed, cancellationToken);
                throw new AccessBlockedException(request.UserId);
            }

            var denial = AccessPolicy.Check(request)
                ?? (await IsAssignedAsync(request, cancellationToken) ? null : AccessDenialReason.NotAssigned);
            if (denial is { } reason)
            {
                await AuditAsync(request, $"{AuditOutcomes.Denied}:{AccessPolicy.Code(reason)}", allowed, cancellationToken);
                throw new AccessDeniedException(reason, AccessPolicy.Explain(reason, request));
            }

            count = await _meter.CountAsync(request.UserId, block, cancellationToken);
        }

        if (count >= options.MaxRecordsPerWindow)
        {
            await BlockAsync(request, count.Value, block, allowed, cancellationToken);
            throw new AccessBlockedException(request.UserId);
        }

        IReadOnlyDictionary<string, Sensitive<string>> record;
        try
        {
            record = await cipher.DecryptRecordAsync(
                request.Projection, request.RecordId, ProjectionBuilder.RecordName(request.Purpose), cancellationToken);
        }
        catch (Exception e) when (e is FieldDecryptionException or KeyDestroyedException)
        {
            await AuditAsync(request, AuditOutcomes.Failed, allowed, cancellationToken);
            throw;
        }

        // The allow-list is applied again on the way out: a projection built wrongly still
        // shows nothing its purpose does not allow.
        var fields = new Dictionary<PersonalField, Sensitive<string>>();
        foreach (var (code, value) in record)
        {
            if (PersonalFieldCodes.TryParse(code, out var field) && allowed.Contains(field))
            {
                fields[field] = value;
            }
        }

        await AuditAsync(request, AuditOutcomes.Granted, fields.Keys, cancellationToken);
        return new DecryptedProjection(request.RecordId, request.Purpose, fields);
    }

    /// <summary>Lifts a block. Only an admin, or a supervisor of the blocked user's vendor (not the user themself), may.</summary>
    /// <returns>False when the user was not blocked.</returns>
    public async Task<bool> UnblockAsync(Guid userId, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var block = await _meter.FindBlockAsync(userId, cancellationToken);
        if (block is not { IsActive: true })
        {
            return false;
        }

        var sameVendor = actor.VendorId is { } vendorId && vendorId == block.VendorId && actor.UserId != userId;
        var mayUnblock = actor.IsInRole(PrivacyRoles.Admin) || (actor.IsInRole(PrivacyRoles.Supervisor) && sameVendor);
        var outcome = mayUnblock ? AuditOutcomes.Done : AuditOutcomes.Denied;
        if (mayUnblock && !await _meter.UnblockAsync(userId, actor.UserId, cancellationToken))
        {
            return false;
        }

        await audit.AppendAsync(
            new AuditEvent(AuditActions.AccessUnblocked, outcome)
            {
                ActorUserId = actor.UserId,
                ActorVendorId = actor.VendorId,
                SubjectId = userId,
            },
            cancellationToken);
        return mayUnblock
            ? true
            : throw new AccessDeniedException(
                actor.IsInRole(PrivacyRoles.Supervisor) ? AccessDenialReason.WrongVendor : AccessDenialReason.Role,
                $"User {actor.UserId} may not unblock user {userId}: that takes a supervisor of the same vendor or an admin.");
    }

    public async Task<bool> IsBlockedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await _meter.FindBlockAsync(userId, cancellationToken) is { IsActive: true };

    private Task<bool> IsAssignedAsync(AccessRequest request, CancellationToken cancellationToken) =>
        db.VendorAssignments.AnyAsync(
            a => a.VendorId == request.VendorId && a.IncidentId == request.IncidentId && a.Purpose == request.Purpose,
            cancellationToken);

    private async Task BlockAsync(
        AccessRequest request, int count, AccessBlock? previous, IReadOnlyCollection<PersonalField> allowed, CancellationToken cancellationToken)
    {
        var isNew = await _meter.BlockAsync(request, count, previous, cancellationToken);
        await AuditAsync(request, AuditOutcomes.Blocked, allowed, cancellationToken);
        if (!isNew)
        {
            return;
        }

        await audit.AppendAsync(
            new AuditEvent(AuditActions.AccessBlocked, AuditOutcomes.Done)
            {
                ActorUserId = request.UserId,
                ActorVendorId = request.VendorId,
                SubjectId = request.UserId,
                Details = new Dictionary<string, string>
                {
                    ["incident_id"] = request.IncidentId.ToString(),
                    ["record_count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["window"] = options.Window.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            cancellationToken);
        await events.PublishAsync(
            new BulkAccessSuspected(request.UserId, request.VendorId ?? Guid.Empty, request.IncidentId, count, options.Window, time.GetUtcNow()),
            cancellationToken);
    }

    private Task<AuditEntry> AuditAsync(
        AccessRequest request, string outcome, IReadOnlyCollection<PersonalField> fields, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEvent(AuditActions.ProjectionDecrypt, outcome)
            {
                ActorUserId = request.UserId,
                ActorVendorId = request.VendorId,
                SubjectId = request.RecordId,
                Purpose = request.Purpose,
                Fields = fields,
                Details = new Dictionary<string, string> { ["incident_id"] = request.IncidentId.ToString() },
            },
            cancellationToken);
}
