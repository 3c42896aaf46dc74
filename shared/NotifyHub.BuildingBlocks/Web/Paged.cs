namespace NotifyHub.BuildingBlocks.Web;

/// <summary>One page of a list: its items (newest first), where it starts, its size, and how many there are in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Skip, int Take, int Total)
{
    public bool HasOlder => Skip + Items.Count < Total;

    public bool HasNewer => Skip > 0;
}
