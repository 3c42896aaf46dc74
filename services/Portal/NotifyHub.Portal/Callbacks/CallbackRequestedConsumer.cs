using MassTransit;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Messaging;
using NotifyHub.Contracts.CallCentre;
using NotifyHub.Portal.Database;

namespace NotifyHub.Portal.Callbacks;

/// <summary>Remembers the hash of each callback code an agent will read out, for "was that call really from us?".</summary>
public sealed class CallbackRequestedConsumer(PortalDbContext db) : IdempotentConsumer<CallbackRequested, PortalDbContext>(db)
{
    protected override async Task HandleAsync(CallbackRequested message, ConsumeContext<CallbackRequested> context)
    {
        if (!await Db.CallbackCodes.AnyAsync(c => c.CallbackId == message.CallbackId, context.CancellationToken))
        {
            Db.CallbackCodes.Add(new KnownCallbackCode
            {
                CallbackId = message.CallbackId, IncidentId = message.IncidentId, CodeHash = message.CallbackCodeHash, DueAt = message.DueAt,
            });
        }
    }
}
