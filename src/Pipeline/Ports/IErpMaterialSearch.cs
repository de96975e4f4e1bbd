using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>
/// One ERP's material master, searched for the mapping workbench's SKU map: materials whose code or name contains the
/// text, through the ERP's own query API and the same governed read client as the connector's other reads. Network
/// failures, 5xx and throttling throw <see cref="ErpTransientException"/>; an answer that is not the protocol's throws
/// <see cref="ErpProtocolException"/>.
/// </summary>
public interface IErpMaterialSearch
{
    /// <summary>The <c>Erp:Kind</c> value of the connector this search belongs to.</summary>
    string Kind { get; }

    Task<IReadOnlyList<ErpMaterial>> SearchMaterialsAsync(string text, int top, CancellationToken cancellationToken);
}
