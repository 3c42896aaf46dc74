using Mediator;
using NotifyHub.Console.Database;

namespace NotifyHub.Console.Staff;

public sealed record ListStaff : IQuery<IReadOnlyList<StaffView>>;

public sealed class ListStaffHandler(ConsoleDbContext db, TimeProvider clock) : IQueryHandler<ListStaff, IReadOnlyList<StaffView>>
{
    public async ValueTask<IReadOnlyList<StaffView>> Handle(ListStaff query, CancellationToken cancellationToken) =>
        await StaffView.LoadAsync(db, id: null, clock.GetUtcNow(), cancellationToken);
}
