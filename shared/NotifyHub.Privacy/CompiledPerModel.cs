using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Runtime.CompilerServices;

namespace NotifyHub.Privacy;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, CancellationToken, TResult}})"/>),
/// compiled once per model. EF binds a compiled query to the first model it runs with and refuses any other, while one
/// process may hold several models of a context: its SQLite and PostgreSQL subclasses, or test hosts side by side.
/// For the few queries on every request's path, where translating the LINQ again each time (parameter extraction,
/// cache lookup) costs more CPU than the database spends running the statement.
/// </summary>
public sealed class CompiledPerModel<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = new();
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    /// <param name="compile">Compiles the query: <c>() =&gt; EF.CompileAsyncQuery(...)</c>.</param>
    public CompiledPerModel(Func<TQuery> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        _compile = _ => compile();
    }

    /// <summary>The query compiled for <paramref name="context"/>'s model.</summary>
    public TQuery For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _queries.GetValue(context.Model, _compile);
    }
}
