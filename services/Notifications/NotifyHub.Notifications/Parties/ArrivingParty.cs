using NotifyHub.Privacy.Purposes;

namespace NotifyHub.Notifications.Parties;

/// <summary>
/// One person's projections as they arrive from intake, in this service's purposes, whichever message brought them.
/// </summary>
/// <param name="Projections">The projections that arrived, by purpose (ciphertext under the notifications holder's key).</param>
/// <param name="Has">
/// Every purpose the person has after the import: a stored purpose not in it was removed and is deleted. Null when the
/// producer did not say, and every stored purpose is kept.
/// </param>
public sealed record ArrivingParty(
    Guid PersonId, string Language, IReadOnlyList<string> DataCategories, IReadOnlyDictionary<Purpose, byte[]> Projections, IReadOnlySet<Purpose>? Has);
