using Microsoft.DurableTask;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>Asks the ERP for the stock of the document's materials and reports shortages.</summary>
public sealed class CheckStockActivity(IErpConnector erp, ErpGovernor governor) : TaskActivity<ErpSalesOrder, StockCheckResult>
{
    public override async Task<StockCheckResult> RunAsync(TaskActivityContext context, ErpSalesOrder input)
    {
        var materials = input.Lines.Select(l => l.MaterialNumber).Distinct().ToList();
        var levels = await governor.RunAsync(ct => erp.GetStockAsync(materials, ct), CancellationToken.None);
        return new StockCheckResult(StockCheck.Shortages(input, levels));
    }
}
