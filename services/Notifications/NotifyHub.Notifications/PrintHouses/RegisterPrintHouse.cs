using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Audit;
using NotifyHub.BuildingBlocks.Codes;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;
using NotifyHub.Privacy.Audit;
using System.Text.Json.Serialization;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>A print house and its public key; <see cref="Sftp"/> unset means the local folder exchange.</summary>
public sealed record RegisterPrintHouse(string Name, string KeyKind, string PublicKey, Guid? IncidentId, PrintHouseSftp? Sftp)
    : ICommand<PrintHouseView>
{
    [JsonIgnore]
    public string Actor { get; init; } = "";
}

/// <summary>Where the print house's SFTP server is and the host key it must present (<c>SHA256:…</c>, as <c>ssh-keygen -lf</c> prints it).</summary>
public sealed record PrintHouseSftp(string Host, int? Port, string User, string HostKeySha256);

public sealed class RegisterPrintHouseHandler(NotificationsDbContext db, CurrentActor actor, TimeProvider clock)
    : ICommandHandler<RegisterPrintHouse, PrintHouseView>
{
    public async ValueTask<PrintHouseView> Handle(RegisterPrintHouse command, CancellationToken cancellationToken)
    {
        var kind = WireCode<PrintHouseKeyKind>.Parse(command.KeyKind);
        IBatchRecipient recipient;
        try
        {
            recipient = BatchRecipients.Parse(kind, command.PublicKey);
        }
        catch (FormatException e)
        {
            throw ProblemException.Invalid("invalid_public_key", e.Message, "publicKey");
        }

        if (command.IncidentId is { } incidentId && !await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            throw ProblemException.NotFound("Incident", incidentId);
        }

        var now = clock.GetUtcNow();
        var house = new PrintHouse
        {
            Id = Guid.CreateVersion7(now),
            Name = command.Name.Trim(),
            IncidentId = command.IncidentId,
            KeyKind = kind,
            PublicKey = command.PublicKey.Trim(),
            KeyFingerprint = recipient.Fingerprint,
            SftpHost = command.Sftp?.Host.Trim(),
            SftpPort = command.Sftp is null ? null : command.Sftp.Port ?? 22,
            SftpUser = command.Sftp?.User.Trim(),
            SftpHostKeySha256 = command.Sftp?.HostKeySha256.Trim(),
            CreatedBy = command.Actor,
            CreatedAt = now,
        };
        db.PrintHouses.Add(house);
        db.Audit(actor.Stamp(new AuditEvent(PrivilegedActions.PrintHouseRegistered, AuditOutcomes.Done)
        {
            SubjectId = house.Id,
            Details = new Dictionary<string, string>
            {
                ["key_kind"] = kind.ToCode(),
                ["key_fingerprint"] = house.KeyFingerprint,
                ["incident_id"] = house.IncidentId?.ToString() ?? "",
                ["sftp_host"] = house.SftpHost ?? "",
                ["sftp_host_key"] = house.SftpHostKeySha256 ?? "",
            },
        }));
        await db.SaveChangesAsync(cancellationToken);
        return PrintHouseView.Of(house);
    }
}
