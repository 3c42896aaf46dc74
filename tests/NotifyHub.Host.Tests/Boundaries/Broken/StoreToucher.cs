using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.PrivacyStore;

namespace NotifyHub.Host.Tests.Boundaries.Broken;

/// <summary>What a module must not do: read the privacy store's tables around the key service.</summary>
public sealed class StoreToucher(PrivacyStoreDbContext store)
{
    public Task<int> CountAssignmentsAsync() => store.VendorAssignments.CountAsync();
}
