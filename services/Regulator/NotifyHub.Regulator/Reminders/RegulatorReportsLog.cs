using MassTransit;
using Microsoft.Extensions.Logging;
using NotifyHub.Contracts.Regulator;

namespace NotifyHub.Regulator.Reminders;

/// <summary>
/// Writes the regulator's deadline events to the log, where operators' alerting picks them up. Ids, codes and dates
/// only: the events carry nothing else.
/// </summary>
public sealed class RegulatorReportsLog(ILogger<RegulatorReportsLog> logger)
    : IConsumer<ReportDue>, IConsumer<ReportOverdue>, IConsumer<ReportFiled>
{
    public Task Consume(ConsumeContext<ReportDue> context)
    {
        var m = context.Message;
        logger.LogWarning("Report due: obligation {ObligationId} ({Kind}, {Jurisdiction}) of incident {IncidentId} is due at {DueAt:u}",
            m.ObligationId, m.Kind, m.Jurisdiction, m.IncidentId, m.DueAt);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ReportOverdue> context)
    {
        var m = context.Message;
        logger.LogError("Report overdue: obligation {ObligationId} ({Kind}, {Jurisdiction}) of incident {IncidentId} was due at {DueAt:u} and is not filed",
            m.ObligationId, m.Kind, m.Jurisdiction, m.IncidentId, m.DueAt);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ReportFiled> context)
    {
        var m = context.Message;
        logger.LogInformation("Report filed: obligation {ObligationId} ({Kind}, {Jurisdiction}) of incident {IncidentId} at {FiledAt:u}",
            m.ObligationId, m.Kind, m.Jurisdiction, m.IncidentId, m.FiledAt);
        return Task.CompletedTask;
    }
}
