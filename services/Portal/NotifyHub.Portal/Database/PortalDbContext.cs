using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Portal.Database;

public class PortalDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "portal";
}
