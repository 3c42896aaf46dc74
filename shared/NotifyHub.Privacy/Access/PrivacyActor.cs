namespace NotifyHub.Privacy.Access;

/// <summary>The signed-in user behind a privileged action, as recorded in the audit log.</summary>
public sealed record PrivacyActor(Guid UserId, IReadOnlyCollection<string> Roles, Guid? VendorId = null)
{
    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
