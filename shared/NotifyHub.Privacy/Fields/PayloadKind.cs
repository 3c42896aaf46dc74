namespace NotifyHub.Privacy.Fields;

/// <summary>Bound into the associated data, so a single field can never be opened as a record or the reverse.</summary>
internal enum PayloadKind : byte
{
    Field = 1,
    Record = 2,
}
