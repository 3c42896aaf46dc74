using System.ComponentModel.DataAnnotations;

namespace NotifyHub.BuildingBlocks.Hosting;

/// <summary>Bound from <c>NotifyHub:Http</c>: how much a client may send.</summary>
public sealed class HttpLimitsOptions
{
    public const string Section = "NotifyHub:Http";

    /// <summary>
    /// Largest request body in bytes for every endpoint that does not declare its own limit (imports do): JSON bodies
    /// are small, and anonymous endpoints (sign-in) must not take megabytes from anyone.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
