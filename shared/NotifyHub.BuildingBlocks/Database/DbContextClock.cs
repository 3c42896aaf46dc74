using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace NotifyHub.BuildingBlocks.Database;

public static class DbContextClock
{
    /// <summary>
    /// The application's <see cref="TimeProvider"/>, reached through the context that was built from the container
    /// (EF keeps the application's service provider): the outbox and inbox stamp their rows with it without every
    /// caller passing a clock. A context built by hand (design time) falls back to the system clock.
    /// </summary>
    public static TimeProvider Clock(this DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<TimeProvider>() ?? TimeProvider.System;
}
