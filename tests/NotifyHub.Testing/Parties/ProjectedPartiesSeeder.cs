using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts;
using NotifyHub.Contracts.Intake;
using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Testing.Parties;

/// <summary>
/// STAND-IN FOR A REAL IMPORT. Publishes what intake publishes per committed import batch
/// (one <see cref="AffectedPartiesProjectedV2"/>, then <see cref="AffectedPartiesImported"/>), with projections
/// built by the real <see cref="ProjectionBuilder"/> under the notifications holder's key. When intake's
/// <c>POST /api/v1/incidents/{id}/imports</c> is merged, replace calls to this with a CSV import through the API.
/// </summary>
public static class ProjectedPartiesSeeder
{
    /// <summary>
    /// Publishes the people's projections as intake does, a message per batch with each person's projection for every
    /// purpose they have; <paramref name="purposes"/>, when given, keeps only those (as if the file had no other
    /// contact data for them).
    /// </summary>
    public static async Task PublishAsync(IServiceProvider services, Guid incidentId, IReadOnlyList<TestPerson> people, int batchSize = 500,
        IReadOnlyList<Purpose>? purposes = null)
    {
        foreach (var batch in people.Chunk(batchSize))
        {
            await using var scope = services.CreateAsyncScope();
            var builder = scope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
            var bus = scope.ServiceProvider.GetRequiredService<IBus>();
            var importId = Guid.NewGuid();
            var parties = new List<PartyProjections>();
            foreach (var person in batch)
            {
                var projections = new Dictionary<string, byte[]>();
                foreach (var purpose in person.Purposes().Where(p => purposes is null || purposes.Contains(p)))
                {
                    var projection = await builder.BuildAsync(person.Id, purpose, InternalHolders.Notifications, person.Fields());
                    projections[ProjectionBuilder.PurposeCode(purpose)] = projection.Ciphertext.ToArray();
                }

                parties.Add(new PartyProjections(person.Id, person.Language, person.Categories ?? [], projections));
            }

            await bus.Publish(new AffectedPartiesProjectedV2(incidentId, importId, InternalHolders.Notifications, parties));
            await bus.Publish(new AffectedPartiesImported(incidentId, importId, batch.Length, [.. batch.Select(p => p.Id)]));
        }
    }

    /// <summary>Opens an incident the way intake announces it (for hosts that do not run intake).</summary>
    public static Task OpenIncidentAsync(IServiceProvider services, Guid incidentId, string title = "Dealer CRM breach") =>
        services.GetRequiredService<IBus>().Publish(new IncidentOpened(incidentId, title,
            "A contractor copied customer records to a personal drive.", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
            "insider", ["name", "email", "payment_card"], ["GB"], TimeProvider.System.GetUtcNow()));
}
