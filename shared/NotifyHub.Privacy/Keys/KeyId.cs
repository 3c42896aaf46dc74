namespace NotifyHub.Privacy.Keys;

/// <summary>Names one version of one key: whose it is, what for, which version.</summary>
public readonly record struct KeyId(Guid OwnerId, KeyKind Kind, int Version)
{
    public override string ToString() => $"{Kind} key v{Version} of {OwnerId}";
}
