using Microsoft.Extensions.DependencyInjection;
using NotifyHub.Contracts;
using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using System.Runtime.InteropServices;

namespace NotifyHub.Intake.Imports;

/// <summary>A party ready to store: its blind indexes, and its ciphertexts made for it as if it were new.</summary>
internal sealed class PreparedParty
{
    public required NormalizedParty Party { get; init; }

    public required BlindIndex ExternalIdIndex { get; init; }

    public BlindIndex? EmailIndex { get; init; }

    public BlindIndex? PhoneIndex { get; init; }

    public BlindIndex? DateOfBirthIndex { get; init; }

    public BlindIndex? PostcodeIndex { get; init; }

    /// <summary>The id, code and ciphertexts it gets if it is new; an update re-seals under the stored id and code.</summary>
    public required SealedParty Sealed { get; set; }

    public string Categories => string.Join(';', Party.DataCategories);
}

/// <summary>
/// One person's ciphertexts: the stored record and the portal's projection (language and data categories under the
/// portal's holder key). Notifications' projections are not made here: intake seals them when notifications asks, just
/// before it sends (<see cref="Notifications.NotificationsProjector"/>).
/// </summary>
internal sealed record SealedParty(Guid Id, string ReferenceCode, BlindIndex ReferenceCodeIndex, EncryptedField Record, byte[] PortalProjection);

/// <summary>
/// The CPU-heavy half of an import, run on several batches at once: blind indexes under the incident's index key,
/// the person's record under its data key and the portal's projection under the portal's holder key.
/// </summary>
internal sealed class PartyEncoder(IServiceScopeFactory scopes, DataKey dataKey, DataKey indexKey)
{
    /// <summary>The name bound into each stored record's associated data.</summary>
    public const string RecordName = "affected-party";
    public const string ReferenceCodeField = "reference_code";

    /// <summary>The channels the notifications service gets, each with its own allow-listed projection.</summary>
    public static readonly IReadOnlyList<Purpose> NotificationPurposes = [Purpose.Email, Purpose.Sms, Purpose.MailHouse];

    /// <summary>Once, not per person: <c>Enum.GetValues</c> allocates a new array on every call.</summary>
    private static readonly ImportColumn[] Columns = Enum.GetValues<ImportColumn>();

    public async Task<List<PreparedParty>> PrepareAsync(IReadOnlyList<NormalizedParty> parties)
    {
        await using var scope = scopes.CreateAsyncScope();
        var projections = scope.ServiceProvider.GetRequiredService<ProjectionBuilder>();
        var prepared = new List<PreparedParty>(parties.Count);
        foreach (var party in parties)
        {
            var sealedParty = await SealAsync(projections, party, Guid.CreateVersion7(), ReferenceCodes.New());
            prepared.Add(new PreparedParty
            {
                Party = party,
                ExternalIdIndex = BlindIndexer.Compute(indexKey, BlindIndexKind.ExternalId, party[ImportColumn.ExternalId]!),
                EmailIndex = Index(BlindIndexKind.Email, party[ImportColumn.Email]),
                PhoneIndex = Index(BlindIndexKind.Phone, party[ImportColumn.Phone]),
                DateOfBirthIndex = Index(BlindIndexKind.DateOfBirth, party[ImportColumn.DateOfBirth]),
                PostcodeIndex = Index(BlindIndexKind.Postcode, party[ImportColumn.Postcode]),
                Sealed = sealedParty,
            });
        }

        return prepared;
    }

    public async Task<SealedParty> SealAsync(ProjectionBuilder projections, NormalizedParty party, Guid id, string referenceCode)
    {
        var record = FieldCipher.EncryptRecord(dataKey, id, RecordName, RecordFields(party, referenceCode));
        // The allow-list keeps only language and data categories of what is passed here.
        var portal = await projections.BuildAsync(id, Purpose.Portal, InternalHolders.Portal, PersonalFields(party, referenceCode));
        return new SealedParty(id, referenceCode, BlindIndexer.Compute(indexKey, BlindIndexKind.ReferenceCode, referenceCode), record,
            Bytes(portal.Ciphertext));
    }

    /// <summary>Every personal field of the person, by privacy field: what a projection's allow-list picks from.</summary>
    public static Dictionary<PersonalField, Sensitive<string>> PersonalFields(NormalizedParty party, string referenceCode)
    {
        var personal = new Dictionary<PersonalField, Sensitive<string>>();
        foreach (var column in Columns)
        {
            if (party[column] is { } value)
            {
                personal[column.Field()] = Sensitive.Of(value);
            }
        }

        personal[PersonalField.Language] = Sensitive.Of(party.Language);
        personal[PersonalField.DataCategories] = Sensitive.Of(string.Join(';', party.DataCategories));
        personal[PersonalField.ReferenceCode] = Sensitive.Of(referenceCode);
        return personal;
    }

    /// <summary>
    /// A stored person as the import made them, from their opened record (<see cref="RecordFields"/>) and the language
    /// and categories kept beside it: the way back for sealing their projections later.
    /// </summary>
    public static NormalizedParty FromRecord(IReadOnlyDictionary<string, Sensitive<string>> record, string language, IReadOnlyList<string> dataCategories)
    {
        var values = new string?[Columns.Length];
        foreach (var column in Columns)
        {
            values[(int)column] = record.TryGetValue(column.Name(), out var value) ? value.Reveal() : null;
        }

        return new NormalizedParty { Line = 0, Values = values, Language = language, DataCategories = dataCategories, Warnings = [] };
    }

    /// <summary>What the stored record holds: every kept personal field, and the reference code letters print.</summary>
    public static Dictionary<string, Sensitive<string>> RecordFields(NormalizedParty party, string referenceCode)
    {
        var fields = new Dictionary<string, Sensitive<string>>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (party[column] is { } value)
            {
                fields[column.Name()] = Sensitive.Of(value);
            }
        }

        fields[ReferenceCodeField] = Sensitive.Of(referenceCode);
        return fields;
    }

    public static bool HasChannel(NormalizedParty party, Purpose purpose) => purpose switch
    {
        Purpose.Email => party.HasEmail,
        Purpose.Sms => party.HasPhone,
        Purpose.MailHouse => party.HasPostalAddress,
        _ => false,
    };

    /// <summary>
    /// The ciphertext's own array when it spans it (it does for a fresh envelope), else a copy: three projections and a
    /// record per person made <c>ToArray</c>'s defensive copy a noticeable share of the import's garbage. Nothing
    /// writes to these arrays; they go to the database and the outbox as they are.
    /// </summary>
    public static byte[] Bytes(EncryptedField field) =>
        MemoryMarshal.TryGetArray(field.Bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : field.ToArray();

    private BlindIndex? Index(BlindIndexKind kind, string? value) =>
        value is not null && BlindIndexNormalizer.TryNormalize(kind, value, out _) ? BlindIndexer.Compute(indexKey, kind, value) : null;
}
