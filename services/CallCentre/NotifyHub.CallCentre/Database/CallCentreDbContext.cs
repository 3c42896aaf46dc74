using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.CallCentre.Database;

public class CallCentreDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "callcentre";
}
