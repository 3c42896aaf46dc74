using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Notifications.Database;

public sealed class SqliteNotificationsDbContext : NotificationsDbContext
{
    public SqliteNotificationsDbContext() : base(DesignTimeOptions.Sqlite()) { }

    public SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : base(options) { }
}
