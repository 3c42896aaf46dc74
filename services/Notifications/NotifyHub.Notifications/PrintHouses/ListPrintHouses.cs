using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Notifications.Database;

namespace NotifyHub.Notifications.PrintHouses;

public sealed record ListPrintHouses : IQuery<IReadOnlyList<PrintHouseView>>;

public sealed record GetPrintHouse(Guid PrintHouseId) : IQuery<PrintHouseView>;

public sealed class ListPrintHousesHandler(NotificationsDbContext db) : IQueryHandler<ListPrintHouses, IReadOnlyList<PrintHouseView>>
{
    public async ValueTask<IReadOnlyList<PrintHouseView>> Handle(ListPrintHouses query, CancellationToken cancellationToken) =>
        [.. (await db.PrintHouses.AsNoTracking().OrderByDescending(h => h.Id).Take(500).ToListAsync(cancellationToken)).Select(PrintHouseView.Of)];
}

public sealed class GetPrintHouseHandler(NotificationsDbContext db) : IQueryHandler<GetPrintHouse, PrintHouseView>
{
    public async ValueTask<PrintHouseView> Handle(GetPrintHouse query, CancellationToken cancellationToken) =>
        PrintHouseView.Of(await db.PrintHouses.AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.PrintHouseId, cancellationToken)
            ?? throw ProblemException.NotFound("Print house", query.PrintHouseId));
}
