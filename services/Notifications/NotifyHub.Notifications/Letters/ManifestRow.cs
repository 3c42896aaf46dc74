namespace NotifyHub.Notifications.Letters;

/// <summary>
/// What the print house needs to split, fold and post a batch: which pages make which letter, and the destination
/// country for postage. Nothing else about the person.
/// </summary>
public sealed record ManifestRow(Guid LetterId, int FirstPage, int LastPage, string Country)
{
    public int PageCount => LastPage - FirstPage + 1;
}
