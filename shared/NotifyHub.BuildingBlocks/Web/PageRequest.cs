namespace NotifyHub.BuildingBlocks.Web;

/// <summary>
/// <c>?skip&amp;take</c> of every list endpoint. Lists are newest first; <see cref="MaxTake"/> bounds one answer so a
/// list never turns into a bulk export.
/// </summary>
public sealed record PageRequest(int Skip, int Take)
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    public static PageRequest From(int? skip, int? take)
    {
        if (skip is < 0)
        {
            throw ProblemException.Invalid("invalid_paging", "skip must be 0 or more.");
        }

        if (take is < 1 or > MaxTake)
        {
            throw ProblemException.Invalid("invalid_paging", $"take must be between 1 and {MaxTake}.");
        }

        return new PageRequest(skip ?? 0, take ?? DefaultTake);
    }
}
