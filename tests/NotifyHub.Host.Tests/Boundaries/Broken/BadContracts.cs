namespace NotifyHub.Host.Tests.Boundaries.Broken;

/// <summary>A contract that would put a person's address on the bus in clear text.</summary>
public sealed record PersonContacted(Guid PersonId, string Channel, string Email, PostalAddress Address);

/// <summary>Not a contract type: a free-form object.</summary>
public sealed record PostalAddress(string Line1, string Postcode);

/// <summary>A mutable class with free text: an agent's note could hold anything.</summary>
#pragma warning disable CA1852 // deliberately not sealed: the test shows that is caught
public class CaseNoted
#pragma warning restore CA1852
{
    public Guid CaseId { get; set; }

    public string Note { get; set; } = "";
}
