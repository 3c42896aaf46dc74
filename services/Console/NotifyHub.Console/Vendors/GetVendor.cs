using Mediator;
using Microsoft.EntityFrameworkCore;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;

namespace NotifyHub.Console.Vendors;

public sealed record GetVendor(Guid Id) : IQuery<VendorView>;

public sealed class GetVendorHandler(ConsoleDbContext db) : IQueryHandler<GetVendor, VendorView>
{
    public async ValueTask<VendorView> Handle(GetVendor query, CancellationToken cancellationToken) =>
        VendorView.From(await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == query.Id, cancellationToken)
            ?? throw ProblemException.NotFound("Vendor", query.Id));
}
