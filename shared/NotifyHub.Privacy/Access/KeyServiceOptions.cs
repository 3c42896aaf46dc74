namespace NotifyHub.Privacy.Access;

/// <summary>The key service's meter: how many records one user may decrypt per window before being blocked.</summary>
public sealed class KeyServiceOptions
{
    public int MaxRecordsPerWindow { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
