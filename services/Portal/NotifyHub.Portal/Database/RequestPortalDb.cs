using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.Portal.Database;

/// <summary>
/// The request's own portal context (with its outbox), made on first use. A successful status check reads through
/// <see cref="PortalReadContexts"/> and writes nothing on the request's context, so building one for every request
/// (its options included) was pure cost; failures, resets and the person's actions still get the scoped one.
/// </summary>
public sealed class RequestPortalDb(IServiceProvider services)
{
    public PortalDbContext Context => field ??= services.GetRequiredService<PortalDbContext>();
}
