using MassTransit;

namespace NotifyHub.BuildingBlocks.PrivacyStore;

/// <summary>The queue is the privacy store's (<c>privacy-vendor-revoked</c>), whichever module registers the consumer.</summary>
public sealed class VendorRevokedConsumerDefinition : ConsumerDefinition<VendorRevokedConsumer>
{
    public VendorRevokedConsumerDefinition() => EndpointName = "privacy-vendor-revoked";
}
