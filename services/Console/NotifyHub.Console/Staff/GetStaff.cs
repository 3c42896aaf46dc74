using Mediator;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Console.Database;

namespace NotifyHub.Console.Staff;

public sealed record GetStaff(Guid Id) : IQuery<StaffView>;

public sealed class GetStaffHandler(ConsoleDbContext db, TimeProvider clock) : IQueryHandler<GetStaff, StaffView>
{
    public async ValueTask<StaffView> Handle(GetStaff query, CancellationToken cancellationToken) =>
        (await StaffView.LoadAsync(db, query.Id, clock.GetUtcNow(), cancellationToken)).SingleOrDefault()
            ?? throw ProblemException.NotFound("Staff member", query.Id);
}
