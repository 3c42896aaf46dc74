using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Database;

namespace NotifyHub.Notifications.Database;

public class NotificationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override string Schema => "notifications";

    public DbSet<Incidents.NotificationsIncident> Incidents => Set<Incidents.NotificationsIncident>();

    public DbSet<Templates.Template> Templates => Set<Templates.Template>();

    public DbSet<Delivery.Notification> Notifications => Set<Delivery.Notification>();

    public DbSet<Delivery.Suppression> Suppressions => Set<Delivery.Suppression>();

    public DbSet<Parties.AffectedParty> AffectedParties => Set<Parties.AffectedParty>();

    public DbSet<Campaigns.Campaign> Campaigns => Set<Campaigns.Campaign>();

    public DbSet<Campaigns.CampaignRecipient> CampaignRecipients => Set<Campaigns.CampaignRecipient>();

    public DbSet<Delivery.ChannelPace> ChannelPaces => Set<Delivery.ChannelPace>();

    public DbSet<Preferences.ContactPreference> ContactPreferences => Set<Preferences.ContactPreference>();

    public DbSet<Proofs.ProofApproval> ProofApprovals => Set<Proofs.ProofApproval>();
    public DbSet<PrintHouses.PrintHouse> PrintHouses => Set<PrintHouses.PrintHouse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}
