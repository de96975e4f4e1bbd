using Microsoft.DurableTask;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>
/// Asks the ERP for the stock of the document's materials and reports shortages. The query goes through the
/// per-process ERP stock batcher, so stock checks running at the same moment share one ERP call.
/// </summary>
public sealed class CheckStockActivity(IErpStockReader stock) : TaskActivity<ErpSalesOrder, StockCheckResult>
{
    public override async Task<StockCheckResult> RunAsync(TaskActivityContext context, ErpSalesOrder input)
    {
        var materials = StockCheck.Materials(input);
        var levels = await stock.GetStockAsync(materials, CancellationToken.None);
        return new StockCheckResult(StockCheck.Shortages(input, levels));
    }
}
