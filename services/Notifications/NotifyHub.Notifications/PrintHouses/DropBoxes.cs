using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NotifyHub.BuildingBlocks.Configuration;

namespace NotifyHub.Notifications.PrintHouses;

/// <summary>Opens a print house's exchange: its SFTP server when it has one, else <c>{DataDirectory}/print-houses/{id}</c>.</summary>
public sealed class DropBoxes(IOptions<PrintHouseOptions> options, IOptions<NotifyHubOptions> hub, ILogger<DropBoxes> logger)
{
    public string FolderOf(Guid printHouseId) => Path.Combine(hub.Value.FullDataDirectory, "print-houses", printHouseId.ToString("N"));

    public async Task<IDropBox> OpenAsync(PrintHouse house, CancellationToken ct) => house.UsesSftp
        ? await SftpDropBox.ConnectAsync(house, options.Value, logger, ct)
        : new FolderDropBox(FolderOf(house.Id));
}
