using Microsoft.AspNetCore.Http;
using NotifyHub.BuildingBlocks.Auth;
using NotifyHub.Privacy.Audit;
using System.Security.Claims;

namespace NotifyHub.BuildingBlocks.Audit;

/// <summary>
/// Who is acting in this scope, for audit entries: the signed-in user (id and vendor claims, never the email) in a
/// request; nobody in a background job or a CLI verb, where <see cref="AuditOperator"/> names the operator instead.
/// Read from the request rather than threaded through every command, so no handler can forget it.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public Guid? UserId => Parse(User?.FindFirstValue(ClaimTypes.NameIdentifier));

    public Guid? VendorId => Parse(User?.FindFirstValue(NotifyHubClaims.VendorId));

    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    /// <summary>The event with this actor filled in where it names none.</summary>
    public AuditEvent Stamp(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return auditEvent with
        {
            ActorUserId = auditEvent.ActorUserId ?? UserId,
            ActorVendorId = auditEvent.ActorVendorId ?? VendorId,
        };
    }

    private static Guid? Parse(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
