using NotifyHub.Privacy.Fields;
using NotifyHub.Privacy.Keys;
using NotifyHub.Privacy.Purposes;
using NotifyHub.Privacy.Tests.Support;

namespace NotifyHub.Privacy.Tests.Purposes;

public sealed class ProjectionBuilderTests : IAsyncLifetime
{
    private static readonly Guid Vendor = Guid.NewGuid();
    private static readonly Guid Record = Guid.NewGuid();
    private PrivacyTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PrivacyTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<Purpose, PersonalField[]> AllowLists() => new()
    {
        { Purpose.CallCentre, [PersonalField.GivenName, PersonalField.Language, PersonalField.DataCategories] },
        {
            Purpose.MailHouse,
            [PersonalField.GivenName, PersonalField.FamilyName, PersonalField.AddressLine1, PersonalField.AddressLine2,
             PersonalField.Locality, PersonalField.Region, PersonalField.Postcode, PersonalField.Country,
             PersonalField.Language, PersonalField.ReferenceCode]
        },
        {
            Purpose.Email,
            [PersonalField.Email, PersonalField.GivenName, PersonalField.FamilyName, PersonalField.Language,
             PersonalField.ReferenceCode, PersonalField.DataCategories]
        },
        {
            Purpose.Sms,
            [PersonalField.Phone, PersonalField.GivenName, PersonalField.FamilyName, PersonalField.Language,
             PersonalField.ReferenceCode, PersonalField.DataCategories, PersonalField.Country]
        },
        { Purpose.Portal, [PersonalField.Language, PersonalField.DataCategories] },
        { Purpose.Regulator, [] },
    };

    [Theory]
    [MemberData(nameof(AllowLists))]
    public void Each_purpose_allows_exactly_its_fields(Purpose purpose, PersonalField[] expected)
    {
        PurposeAllowList.For(purpose).Order().ShouldBe(expected.Order());
    }

    [Theory]
    [MemberData(nameof(AllowLists))]
    public async Task A_projection_decrypts_to_exactly_the_allowed_fields(Purpose purpose, PersonalField[] expected)
    {
        if (expected.Length == 0)
        {
            return; // the regulator has no projection; see the test below
        }

        var projection = await _host.Get<ProjectionBuilder>().BuildAsync(Record, purpose, Vendor, TestPeople.Canary());

        projection.Fields.ShouldBe(expected.Order());
        var decrypted = await Decrypt(projection);
        decrypted.Keys.Order().ShouldBe(expected.Select(Code).Order());
    }

    [Fact]
    public async Task Call_centre_projection_never_contains_date_of_birth_address_or_email()
    {
        var forbidden = new[]
        {
            PersonalField.DateOfBirth, PersonalField.Email, PersonalField.AddressLine1, PersonalField.AddressLine2,
            PersonalField.Locality, PersonalField.Region, PersonalField.Postcode,
        };

        var projection = await _host.Get<ProjectionBuilder>().BuildAsync(Record, Purpose.CallCentre, Vendor, TestPeople.Canary());
        var decrypted = await Decrypt(projection);

        forbidden.ShouldAllBe(field => !PurposeAllowList.Allows(Purpose.CallCentre, field));
        forbidden.ShouldAllBe(field => !projection.Fields.Contains(field));
        decrypted.Keys.ShouldBe(["data_categories", "given_name", "language"], ignoreOrder: true);
        var values = decrypted.Values.Select(v => v.Reveal()).ToList();
        var canary = TestPeople.CanaryValues();
        forbidden.ShouldAllBe(field => !values.Contains(canary[field]));
    }

    [Fact]
    public async Task Regulator_purpose_has_no_fields_and_no_projection()
    {
        PurposeAllowList.For(Purpose.Regulator).ShouldBeEmpty();

        await Should.ThrowAsync<ArgumentException>(
            () => _host.Get<ProjectionBuilder>().BuildAsync(Record, Purpose.Regulator, Vendor, TestPeople.Canary()));
    }

    [Fact]
    public async Task A_projection_is_encrypted_under_the_vendor_key_and_bound_to_record_and_purpose()
    {
        var projection = await _host.Get<ProjectionBuilder>().BuildAsync(Record, Purpose.MailHouse, Vendor, TestPeople.Canary());
        var cipher = _host.Get<FieldCipher>();

        projection.Ciphertext.KeyId.ShouldBe(new KeyId(Vendor, KeyKind.Vendor, 1));
        await Should.ThrowAsync<FieldDecryptionException>(
            () => cipher.DecryptRecordAsync(projection.Ciphertext, Guid.NewGuid(), "projection:mail-house").AsTask());
        await Should.ThrowAsync<FieldDecryptionException>(
            () => cipher.DecryptRecordAsync(projection.Ciphertext, Record, "projection:sms").AsTask());
    }

    private async Task<IReadOnlyDictionary<string, Sensitive<string>>> Decrypt(Projection projection)
    {
        var name = projection.Purpose switch
        {
            Purpose.CallCentre => "projection:call-centre",
            Purpose.MailHouse => "projection:mail-house",
            Purpose.Email => "projection:email",
            Purpose.Sms => "projection:sms",
            Purpose.Portal => "projection:portal",
            _ => throw new ArgumentOutOfRangeException(nameof(projection)),
        };
        return await _host.Get<FieldCipher>().DecryptRecordAsync(projection.Ciphertext, projection.RecordId, name);
    }

    private static string Code(PersonalField field) => field switch
    {
        PersonalField.AddressLine1 => "address_line1",
        PersonalField.AddressLine2 => "address_line2",
        _ => string.Concat(field.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };
}
