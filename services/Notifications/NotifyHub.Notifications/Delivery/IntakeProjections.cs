using MassTransit;
using Microsoft.Extensions.Options;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Notifications.Parties;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Delivery;

/// <summary>
/// Asks intake for the projections a batch of notifications needs (<see cref="SealProjections"/>, one request an
/// incident), sealed under this service's key from each person as stored now. Nothing is kept: the caller opens them
/// in memory and sends. A person purged or without the channel any more is simply absent from the answer.
/// </summary>
public sealed class IntakeProjections(IRequestClient<SealProjections> client, IOptions<NotificationsOptions> options)
{
    public async Task<Dictionary<(Guid Incident, Guid Person, Purpose Purpose), byte[]>> SealAsync(
        IReadOnlyCollection<(Guid Incident, Guid Person, Purpose Purpose)> wanted, CancellationToken ct)
    {
        var projections = new Dictionary<(Guid, Guid, Purpose), byte[]>(wanted.Count);
        foreach (var incident in wanted.GroupBy(w => w.Incident))
        {
            var request = new SealProjections(incident.Key, InternalHolders.Notifications,
                [.. incident.Select(w => new WantedProjection(w.Person, w.Purpose.Code()))]);
            var response = await client.GetResponse<ProjectionsSealed>(request, ct, RequestTimeout.After(ms: (int)options.Value.ProjectionRequestTimeout.TotalMilliseconds));
            foreach (var projection in response.Message.Projections)
            {
                if (PurposeCodes.TryParse(projection.Purpose, out var purpose))
                {
                    projections[(incident.Key, projection.PersonId, purpose)] = projection.Projection;
                }
            }
        }

        return projections;
    }
}
