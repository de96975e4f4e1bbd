using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// Knobs of the SAP S/4HANA OData simulator, bound from <c>Simulators:Sap</c> (the shared ones on <see cref="SimErpOptions"/>).
/// Over the rate a call answers 429 with Retry-After, as SAP API Management and the BTP gateways do; over the concurrency
/// cap 503, as an on-premise ICM/Web Dispatcher does when no dialog work process is free; a transient failure is a 500
/// with an OData error; a business reject a 400 with an SD error (credit check). Stock sits unrestricted-use in
/// <see cref="Plant"/>/<see cref="StorageLocation"/>; shipping makes outbound deliveries with goods issue posted, the
/// carrier being the forwarding agent (partner function SP, its supplier number).
/// </summary>
public sealed class SapSimulatorOptions : SimErpOptions
{
    /// <summary>The communication user, checked with Basic auth.</summary>
    public string UserName { get; set; } = "SIM_COMM_USER";

    public string Password { get; set; } = "sim-sap-password";

    /// <summary>System id and client: they name the session cookies (<c>SAP_SESSIONID_S4H_100</c>, <c>sap-XSRF_S4H_100</c>).</summary>
    public string SystemId { get; set; } = "S4H";

    public string Client { get; set; } = "100";

    /// <summary>The one sales area the system knows; an order for another is refused.</summary>
    public string SalesOrganization { get; set; } = SapSimCatalog.SalesOrganization;

    public string DistributionChannel { get; set; } = SapSimCatalog.DistributionChannel;

    public string OrganizationDivision { get; set; } = SapSimCatalog.OrganizationDivision;

    /// <summary>Plant and storage location the demo stock sits in.</summary>
    public string Plant { get; set; } = SapSimCatalog.Plant;

    public string StorageLocation { get; set; } = SapSimCatalog.StorageLocation;

    /// <summary>Condition types that may be entered by hand on an item (customizing).</summary>
    public List<string> ManualConditionTypes { get; set; } = ["PPR0"];

    /// <summary>Item categories priced at zero as free goods (customizing).</summary>
    public List<string> FreeGoodsItemCategories { get; set; } = ["TANN"];

    /// <summary>A session (and with it its CSRF token) expires after this long unused.</summary>
    public int SessionIdleSeconds { get; set; } = 1800;

    /// <summary>Rows per page of a collection; more follow through <c>__next</c> with <c>$skiptoken</c>.</summary>
    public int ServerPageSize { get; set; } = 100;
}
