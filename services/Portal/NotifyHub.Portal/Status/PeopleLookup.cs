using NotifyHub.Portal.People;
using System.Linq.Expressions;

namespace NotifyHub.Portal.Status;

/// <summary>
/// The filter <c>(incident = i1 AND code index = x1) OR (incident = i2 AND code index = x2) …</c> over the open
/// incidents. Built from member accesses on the probes rather than constants, so EF Core sends the values as parameters
/// and compiles the query once per number of open incidents instead of once per check.
/// </summary>
internal static class PeopleLookup
{
    public sealed class Probe(Guid incident, byte[] index)
    {
        public Guid Incident { get; } = incident;

        public byte[] Index { get; } = index;
    }

    public static Expression<Func<PortalPerson, bool>> ByCode(IReadOnlyList<Probe> probes)
    {
        var person = Expression.Parameter(typeof(PortalPerson), "p");
        Expression? any = null;
        foreach (var probe in probes)
        {
            var holder = Expression.Constant(probe);
            var one = Expression.AndAlso(
                Expression.Equal(Expression.Property(person, nameof(PortalPerson.IncidentId)), Expression.Property(holder, nameof(Probe.Incident))),
                Expression.Equal(Expression.Property(person, nameof(PortalPerson.ReferenceCodeIndex)), Expression.Property(holder, nameof(Probe.Index))));
            any = any is null ? one : Expression.OrElse(any, one);
        }

        return Expression.Lambda<Func<PortalPerson, bool>>(any ?? Expression.Constant(false), person);
    }
}
