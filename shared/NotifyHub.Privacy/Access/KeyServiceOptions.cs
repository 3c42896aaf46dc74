namespace NotifyHub.Privacy.Access;

/// <summary>
/// The key service's meter (the bulk-access rule against the Docomo pattern): how many records one user may decrypt
/// per window before being blocked. Settings <c>NotifyHub:KeyService:MaxRecordsPerWindow</c> and <c>:Window</c>,
/// with their defaults written out in the host's appsettings.json.
/// </summary>
public sealed class KeyServiceOptions
{
    public int MaxRecordsPerWindow { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
