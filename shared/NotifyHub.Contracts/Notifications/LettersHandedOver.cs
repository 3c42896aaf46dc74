namespace NotifyHub.Contracts.Notifications;

/// <summary>
/// A batch of letters is with the print house: each letter in it was sent and delivered at <paramref name="HandedOverAt"/>
/// (the print house's receipt is the hand-over itself). Ids only. One message per batch, in place of a
/// <see cref="NotificationSent"/> and a <see cref="NotificationDelivered"/> per letter, which a batch of letters no
/// longer publishes; email and SMS still do.
/// </summary>
public sealed record LettersHandedOver(
    Guid IncidentId,
    DateTimeOffset HandedOverAt,
    IReadOnlyList<HandedOverLetter> Letters);

/// <summary>One letter of a <see cref="LettersHandedOver"/> batch.</summary>
public sealed record HandedOverLetter(Guid NotificationId, Guid? CampaignId, Guid PersonId);
