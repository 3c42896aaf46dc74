namespace NotifyHub.Privacy.Fields;

/// <summary>Creates <see cref="Sensitive{T}"/> values: <c>Sensitive.Of(givenName)</c>.</summary>
public static class Sensitive
{
    /// <summary>What a sensitive value shows wherever it is turned into text.</summary>
    public const string Redacted = "[redacted]";

    public static Sensitive<T> Of<T>(T value) => new(value);
}
