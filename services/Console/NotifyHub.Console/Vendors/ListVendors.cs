using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.Console.Database;

namespace NotifyHub.Console.Vendors;

public sealed record ListVendors : IQuery<IReadOnlyList<VendorView>>;

public sealed class ListVendorsHandler(ConsoleDbContext db) : IQueryHandler<ListVendors, IReadOnlyList<VendorView>>
{
    public async ValueTask<IReadOnlyList<VendorView>> Handle(ListVendors query, CancellationToken cancellationToken)
    {
        var vendors = await db.Vendors.AsNoTracking().ToListAsync(cancellationToken);
        return [.. vendors.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).Select(VendorView.From)];
    }
}
