namespace NotifyHub.Notifications.Letters;

/// <summary>What the render step hands to the hand-over: the encrypted files for a print house, or the clear batch for the built-in outbox.</summary>
internal sealed record RenderedLetterBatch(IReadOnlyList<(string Name, byte[] Content)>? Files, LetterBatch? Clear);
