using NotifyHub.Host.Tests.Boundaries.Broken;

namespace NotifyHub.Host.Tests.Boundaries;

/// <summary>
/// Message bodies leave the process (broker queues, error queues, traces): they carry ids, codes, counts, times,
/// enums or ciphertext, never a personal value in clear text.
/// </summary>
public sealed class Contracts_carry_no_clear_data
{
    public static TheoryData<string> Contracts() =>
        [.. ContractRules.ContractsIn(typeof(NotifyHub.Contracts.DataCategories).Assembly).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Every_contract_is_a_sealed_record_of_ids_codes_counts_times_or_ciphertext(string contract)
    {
        var type = typeof(NotifyHub.Contracts.DataCategories).Assembly.GetType(contract)!;

        ContractRules.Violations(type).ShouldBeEmpty();
    }

    [Fact]
    public void A_contract_with_an_email_address_is_caught()
    {
        ContractRules.Violations(typeof(PersonContacted)).ShouldBe([
            "PersonContacted: not in NotifyHub.Contracts.<Module> (NotifyHub.Host.Tests.Boundaries.Broken)",
            "PersonContacted.Email: String is not an id, code, count, time, enum or ciphertext",
            "PersonContacted.Address: PostalAddress is not an id, code, count, time, enum or ciphertext",
        ]);
    }

    [Fact]
    public void A_contract_that_is_an_open_class_is_caught()
    {
        ContractRules.Violations(typeof(CaseNoted)).ShouldBe([
            "CaseNoted: not in NotifyHub.Contracts.<Module> (NotifyHub.Host.Tests.Boundaries.Broken)",
            "CaseNoted: not sealed",
            "CaseNoted: not a record",
            "CaseNoted.Note: String is not an id, code, count, time, enum or ciphertext",
        ]);
    }
}
