using System.ComponentModel.DataAnnotations;

namespace TaxiDuration.ServiceDefaults;

/// <summary>
/// Where the operational endpoints (health, metrics, OpenAPI) answer. Bound from the <c>Management</c> section.
/// Unset, they share the service's port; set, they answer only there, so the public port serves the API alone
/// (the server must listen on that port too, e.g. <c>ASPNETCORE_HTTP_PORTS=8080;9090</c>).
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    [Range(1, 65535)]
    public int? Port { get; set; }
}
