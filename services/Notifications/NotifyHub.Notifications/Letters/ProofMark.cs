namespace NotifyHub.Notifications.Letters;

/// <summary>
/// What marks a proof apart from a letter to print: <see cref="Watermark"/> across every page, and
/// <see cref="Caption"/> (which template version and language, for a sample person) along its top.
/// </summary>
public sealed record ProofMark(string Watermark, string Caption);
