using NotifyHub.Privacy.BlindIndexes;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.BlindIndexes;

public sealed class BlindIndexerTests : IAsyncLifetime
{
    private static readonly Guid Incident = Guid.NewGuid();
    private PrivacyTestHost _host = null!;

    private BlindIndexer Indexer => _host.Get<BlindIndexer>();

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(BlindIndexKind.Email, " Zebedee.Q@Canary.EXAMPLE ", "zebedee.q@canary.example")]
    [InlineData(BlindIndexKind.Phone, "+81 90-1234-5678", "+819012345678")]
    [InlineData(BlindIndexKind.Phone, "+61 (491) 570.157", "+61491570157")]
    [InlineData(BlindIndexKind.ReferenceCode, "k7qd-9xw2", "K7QD9XW2")]
    [InlineData(BlindIndexKind.ReferenceCode, "OIL 1O", "01110")]
    [InlineData(BlindIndexKind.DateOfBirth, " 1953-07-14 ", "1953-07-14")]
    [InlineData(BlindIndexKind.Postcode, "sw1a 1aa", "SW1A-1AA")]
    [InlineData(BlindIndexKind.ExternalId, "  CUST-917 ", "CUST-917")]
    public async Task Values_equal_after_normalisation_give_equal_indexes(BlindIndexKind kind, string typed, string stored)
    {
        var fromCaller = await Indexer.ComputeAsync(Incident, kind, typed);
        var fromImport = await Indexer.ComputeAsync(Incident, kind, stored);

        fromCaller.ShouldBe(fromImport);
        (fromCaller == fromImport).ShouldBeTrue();
    }

    [Fact]
    public async Task External_ids_are_case_sensitive()
    {
        (await Indexer.ComputeAsync(Incident, BlindIndexKind.ExternalId, "abc"))
            .ShouldNotBe(await Indexer.ComputeAsync(Incident, BlindIndexKind.ExternalId, "ABC"));
    }

    [Fact]
    public async Task The_same_value_differs_across_incidents()
    {
        var here = await Indexer.ComputeAsync(Incident, BlindIndexKind.DateOfBirth, "1953-07-14");
        var there = await Indexer.ComputeAsync(Guid.NewGuid(), BlindIndexKind.DateOfBirth, "1953-07-14");

        here.ShouldNotBe(there);
        (here != there).ShouldBeTrue();
    }

    [Fact]
    public async Task The_same_text_differs_across_kinds()
    {
        var postcode = await Indexer.ComputeAsync(Incident, BlindIndexKind.Postcode, "12345");
        var externalId = await Indexer.ComputeAsync(Incident, BlindIndexKind.ExternalId, "12345");
        var reference = await Indexer.ComputeAsync(Incident, BlindIndexKind.ReferenceCode, "12345");

        postcode.ShouldNotBe(externalId);
        postcode.ShouldNotBe(reference);
        externalId.ShouldNotBe(reference);
    }

    [Theory]
    [InlineData(BlindIndexKind.DateOfBirth, "14/07/1953")]
    [InlineData(BlindIndexKind.DateOfBirth, "1953-7-14")]
    [InlineData(BlindIndexKind.DateOfBirth, "1953-02-30")]
    [InlineData(BlindIndexKind.Phone, "0491 570 157")]
    [InlineData(BlindIndexKind.Phone, "+61 491 570 157 ext 2")]
    [InlineData(BlindIndexKind.Email, "not-an-address")]
    [InlineData(BlindIndexKind.ReferenceCode, "K7QD_9XW2")]
    [InlineData(BlindIndexKind.ExternalId, "   ")]
    public async Task Invalid_values_are_refused_without_echoing_them(BlindIndexKind kind, string value)
    {
        var error = await Should.ThrowAsync<FormatException>(() => Indexer.ComputeAsync(Incident, kind, value).AsTask());

        if (value.Trim().Length > 0)
        {
            error.Message.ShouldNotContain(value.Trim());
        }
    }

    [Fact]
    public async Task An_index_prints_only_a_short_prefix()
    {
        var index = await Indexer.ComputeAsync(Incident, BlindIndexKind.Email, "z@canary.example");

        index.ToString().ShouldStartWith("bi:");
        index.ToString().Length.ShouldBe("bi:".Length + 8 + 1);
        Convert.ToHexStringLower(index.ToArray()).ShouldStartWith(index.ToString()[3..11]);
    }

    [Fact]
    public async Task Ef_converter_round_trips_the_32_bytes()
    {
        var index = await Indexer.ComputeAsync(Incident, BlindIndexKind.Email, "z@canary.example");
        var converter = new BlindIndexConverter();

        var column = (byte[])converter.ConvertToProvider(index)!;

        column.Length.ShouldBe(32);
        ((BlindIndex)converter.ConvertFromProvider(column)!).ShouldBe(index);
    }
}
