namespace NotifyHub.Privacy.Audit;

/// <summary>Why the audit chain is broken at an entry.</summary>
public enum AuditBreak
{
    /// <summary>The entry's columns no longer match its hash: it was edited.</summary>
    HashMismatch = 1,

    /// <summary>The entry does not point at the hash of the entry before it: something before it was edited or replaced.</summary>
    PreviousHashMismatch = 2,

    /// <summary>A sequence number is missing: an entry was deleted.</summary>
    SequenceGap = 3,

    /// <summary>The head names another last entry: entries were deleted from (or added behind) the end.</summary>
    HeadMismatch = 4,

    /// <summary>The entry's row cannot be read: a column holds a value that is not valid for it (it was corrupted).</summary>
    Unreadable = 5,

    /// <summary>The chain disagrees with a signed checkpoint kept outside the database: it was rewritten or cut short.</summary>
    CheckpointMismatch = 6,

    /// <summary>A checkpoint's signature does not match: the checkpoint store was tampered with.</summary>
    CheckpointInvalid = 7,
}
