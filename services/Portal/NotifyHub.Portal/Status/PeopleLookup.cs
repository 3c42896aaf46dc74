using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NotifyHub.Portal.Database;
using NotifyHub.Portal.Notifications;
using NotifyHub.Portal.People;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace NotifyHub.Portal.Status;

/// <summary>
/// The status check's one read: the person holding the code in any open incident
/// (<c>(incident = i1 AND code index = x1) OR (incident = i2 AND code index = x2) …</c>), with their notifications and,
/// for the per-address limit, the client's failure that decides it. Compiled once per number of open incidents (up
/// to <see cref="Size"/>; more are looked up in groups of that size): EF Core otherwise walked, hashed and
/// looked up the whole expression tree on every check, about a tenth of a check's CPU time.
/// </summary>
internal static class PeopleLookup
{
    public sealed class Probe(Guid incident, byte[] index)
    {
        public Guid Incident { get; } = incident;

        public byte[] Index { get; } = index;
    }

    /// <summary>A row of the lookup: the person, their notifications, and the client's deciding failure (if any).</summary>
    public sealed record Candidate(PortalPerson Person, List<PortalNotification> Notifications, DateTimeOffset? NthRecentFailure);

    /// <summary>Open incidents per compiled query (two parameters each, within EF Core's limit of sixteen with the three others).</summary>
    public const int Size = 4;

    /// <summary>
    /// Per model: a compiled query runs only against the model it was compiled for, and one process can hold several
    /// (a PostgreSQL and a SQLite host side by side in the tests).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<PortalDbContext, Guid, byte[], Guid, byte[], Guid, byte[], Guid, byte[], byte[],
        DateTimeOffset, int, IAsyncEnumerable<Candidate>>?[]> Compiled = [];

    /// <summary>Every candidate for the probes (all open incidents are searched), in one round trip per four incidents.</summary>
    public static async Task<List<Candidate>> FindAsync(PortalDbContext db, IReadOnlyList<Probe> probes, byte[] clientKey,
        DateTimeOffset since, int skip, CancellationToken ct)
    {
        var found = new List<Candidate>();
        for (var from = 0; from < probes.Count; from += Size)
        {
            var count = Math.Min(Size, probes.Count - from);
            var compiled = Compiled.GetValue(db.Model, _ => new Func<PortalDbContext, Guid, byte[], Guid, byte[], Guid, byte[], Guid, byte[], byte[],
                DateTimeOffset, int, IAsyncEnumerable<Candidate>>?[Size + 1]);
            var query = compiled[count] ??= EF.CompileAsyncQuery(Build(count));
            // Slots past `count` repeat the first probe; the query compiled for `count` never reads them.
            Probe At(int i) => probes[from + (i < count ? i : 0)];
            var rows = query(db, At(0).Incident, At(0).Index, At(1).Incident, At(1).Index, At(2).Incident, At(2).Index, At(3).Incident,
                At(3).Index, clientKey, since, skip);
            await foreach (var candidate in rows.WithCancellation(ct))
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    /// <summary>
    /// The query for `count` open incidents: written once as a template, with a marker where the filter goes, then the
    /// marker replaced by <c>(incident = i0 AND index = x0) OR …</c> over the first `count` pairs of parameters.
    /// </summary>
    private static Expression<Func<PortalDbContext, Guid, byte[], Guid, byte[], Guid, byte[], Guid, byte[], byte[], DateTimeOffset, int,
        IQueryable<Candidate>>> Build(int count)
    {
        Expression<Func<PortalDbContext, Guid, byte[], Guid, byte[], Guid, byte[], Guid, byte[], byte[], DateTimeOffset, int,
            IQueryable<Candidate>>> template =
            (db, i0, x0, i1, x1, i2, x2, i3, x3, clientKey, since, skip) => db.People.AsNoTracking()
                .Where(p => Matches(p))
                .Select(p => new Candidate(
                    p,
                    db.Notifications.Where(n => n.PersonId == p.PersonId).ToList(),
                    db.Failures.Where(f => f.ClientKey == clientKey && f.At > since)
                        .OrderByDescending(f => f.At).Select(f => (DateTimeOffset?)f.At).Skip(skip).FirstOrDefault()));
        return (Expression<Func<PortalDbContext, Guid, byte[], Guid, byte[], Guid, byte[], Guid, byte[], byte[], DateTimeOffset, int,
            IQueryable<Candidate>>>)new ExpandMatches(count, template.Parameters).Visit(template);
    }

    /// <summary>A marker in the template, replaced by the filter before compiling.</summary>
    private static bool Matches(PortalPerson person) =>
        throw new InvalidOperationException("Only for building the lookup's expression.");

    private sealed class ExpandMatches(int count, IReadOnlyList<ParameterExpression> parameters) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Matches) || node.Method.DeclaringType != typeof(PeopleLookup))
            {
                return base.VisitMethodCall(node);
            }

            var person = node.Arguments[0];
            Expression? any = null;
            for (var i = 0; i < count; i++)
            {
                // Parameters 1 and 2 are the first incident and index, 3 and 4 the second, and so on.
                var one = Expression.AndAlso(
                    Expression.Equal(Expression.Property(person, nameof(PortalPerson.IncidentId)), parameters[1 + (2 * i)]),
                    Expression.Equal(Expression.Property(person, nameof(PortalPerson.ReferenceCodeIndex)), parameters[2 + (2 * i)]));
                any = any is null ? one : Expression.OrElse(any, one);
            }

            return any ?? Expression.Constant(false);
        }
    }
}
