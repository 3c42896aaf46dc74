using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.BuildingBlocks.Web;
using NotifyHub.Privacy.Access;
using System.Security.Claims;

namespace NotifyHub.CallCentre.Support;

/// <summary>The signed-in staff member: id, roles and (for agents and supervisors) the one vendor they work for.</summary>
public sealed record CallCentreActor(Guid UserId, IReadOnlyCollection<string> Roles, Guid? VendorId)
{
    public static CallCentreActor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = Guid.TryParse(user.ActorId(), out var userId) ? userId : Guid.Empty;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        Guid? vendor = Guid.TryParse(user.FindFirstValue(NotifyHubClaims.VendorId), out var v) ? v : null;
        return new CallCentreActor(id, roles, vendor);
    }

    /// <summary>The vendor of an agent or supervisor; staff without one cannot work cases.</summary>
    public Guid Vendor => VendorId
        ?? throw new ProblemException(ProblemKind.Forbidden, "no_vendor", "Forbidden", "Only staff of a call-centre vendor work cases.");

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public PrivacyActor ToPrivacyActor() => new(UserId, Roles, VendorId);
}
