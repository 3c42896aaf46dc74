using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Notifications.Database;

public sealed class PostgreSqlNotificationsDbContext : NotificationsDbContext
{
    public PostgreSqlNotificationsDbContext() : base(DesignTimeOptions.PostgreSql()) { }

    public PostgreSqlNotificationsDbContext(DbContextOptions<PostgreSqlNotificationsDbContext> options) : base(options) { }
}
