using NotifyHub.BuildingBlocks.Messaging;

namespace NotifyHub.BuildingBlocks.Tests.Messaging;

/// <summary>
/// How a batch of events becomes upsert statements: each touches a row once, in key order, with at most
/// <see cref="UpsertRounds.MaxRows"/> rows, and an entity's later event comes in a later statement.
/// </summary>
public sealed class Upsert_rounds
{
    [Fact]
    public void Cut_a_large_batch_into_statements_within_the_bound_each_in_key_order()
    {
        // 2,500 letters handed over, then 1,200 of them again (a second event each): 2,500 first events, 1,200 second.
        var letters = Enumerable.Range(0, 2_500).Select(_ => Guid.NewGuid()).ToList();
        var events = letters.Select(id => (Id: id, Round: 1)).Concat(letters.Take(1_200).Select(id => (Id: id, Round: 2))).ToList();

        var statements = UpsertRounds.Split(events, e => e.Id);

        statements.Select(s => s.Count).ShouldBe([1_000, 1_000, 500, 1_000, 200]);
        statements.ShouldAllBe(s => s.Select(e => e.Id).Distinct().Count() == s.Count);
        statements.Take(3).SelectMany(s => s).ShouldAllBe(e => e.Round == 1);
        statements.Skip(3).SelectMany(s => s).ShouldAllBe(e => e.Round == 2);
        // Key order across a round's statements too, so two batches lock shared rows in the same order.
        statements.Take(3).SelectMany(s => s).Select(e => e.Id).ShouldBe(letters.Order());
        statements.Skip(3).SelectMany(s => s).Select(e => e.Id).ShouldBe(letters.Take(1_200).Order());
    }
}
