using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Notifications.Tallies;

/// <summary>
/// A change to the number of people an incident has in this module: +1 when a person's first projection arrives,
/// −1 when their last one is deleted. Written by triggers on the affected parties (<see cref="TallyTriggers"/>), so
/// the dashboard does not count a million distinct people. A person arrives as up to three projections (email, SMS,
/// letter), in messages consumed side by side: <see cref="KnownPerson"/> is what makes "first" exact.
/// </summary>
public sealed class PeopleTally
{
    public long Id { get; init; }

    public Guid IncidentId { get; init; }

    public long Delta { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<PeopleTally>
    {
        public void Configure(EntityTypeBuilder<PeopleTally> tally)
        {
            tally.ToTable("people_tallies");
            tally.HasKey(t => t.Id);
            tally.HasIndex(t => t.IncidentId);
        }
    }
}

/// <summary>
/// A person the incident has at least one projection of, once: its primary key makes two transactions that store a
/// person's first projections at the same time agree on which one counts them (the other waits, then finds the row).
/// </summary>
public sealed class KnownPerson
{
    public Guid IncidentId { get; init; }

    public Guid PersonId { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<KnownPerson>
    {
        public void Configure(EntityTypeBuilder<KnownPerson> person)
        {
            person.ToTable("known_people");
            person.HasKey(p => new { p.IncidentId, p.PersonId });
        }
    }
}
