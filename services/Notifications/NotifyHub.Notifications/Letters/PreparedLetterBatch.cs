using NotifyHub.Notifications.Delivery;
using NotifyHub.Notifications.PrintHouses;

namespace NotifyHub.Notifications.Letters;

/// <summary>
/// A claimed batch read and laid out, ready to render: the letters still to print (untracked, in id order) with their
/// contents (same order), and the print house fixed at claim (<see cref="House"/> as read then; null for the built-in
/// outbox). Holds personal data in <see cref="Contents"/>: never log it.
/// </summary>
internal sealed record PreparedLetterBatch(Guid BatchId, List<Notification> Letters, List<LetterContent> Contents, PrintHouse? House);
