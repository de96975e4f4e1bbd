namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>One <c>inventorys[]</c> row. Available = qty − order_lock − pick_lock.</summary>
public sealed record JushuitanInventoryRow(string SkuId, decimal Qty, decimal OrderLock, decimal PickLock)
{
    public decimal Available => Qty - OrderLock - PickLock;
}

/// <summary>One page of inventory/query.</summary>
public sealed record JushuitanInventoryPage(IReadOnlyList<JushuitanInventoryRow> Rows, bool HasNext);

/// <summary>
/// inventory/query by <c>sku_ids</c> (a comma-separated string), at most <see cref="MaxSkusPerCall"/> SKUs and rows
/// per page, following <c>has_next</c>.
/// </summary>
public static class JushuitanInventoryQuery
{
    public const int MaxSkusPerCall = 50;

    public static string BuildBiz(IReadOnlyCollection<string> skuIds, int pageIndex, string? wmsCoId = null)
    {
        ArgumentNullException.ThrowIfNull(skuIds);
        if (skuIds.Count is 0 or > MaxSkusPerCall)
        {
            throw new ArgumentException($"An inventory query takes 1 to {MaxSkusPerCall} SKUs.", nameof(skuIds));
        }

        var biz = new JsonObject
        {
            ["sku_ids"] = string.Join(',', skuIds),
            ["page_index"] = pageIndex,
            ["page_size"] = MaxSkusPerCall,
        };
        if (!string.IsNullOrWhiteSpace(wmsCoId))
        {
            biz["wms_co_id"] = long.TryParse(wmsCoId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(wmsCoId);
        }

        return biz.ToJsonString();
    }

    public static JushuitanInventoryPage Parse(JushuitanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.RequireData("inventory/query");
        var rows = new List<JushuitanInventoryRow>();
        if (ErpJson.TryGetArray(data, "inventorys", out var list))
        {
            foreach (var row in list.EnumerateArray())
            {
                var sku = ErpJson.ReadStringProperty(row, "sku_id");
                if (string.IsNullOrEmpty(sku))
                {
                    throw new ErpProtocolException("Jushuitan inventory row lacks sku_id.");
                }

                rows.Add(new JushuitanInventoryRow(
                    sku,
                    ErpJson.ReadDecimalProperty(row, "qty") ?? 0m,
                    ErpJson.ReadDecimalProperty(row, "order_lock") ?? 0m,
                    ErpJson.ReadDecimalProperty(row, "pick_lock") ?? 0m));
            }
        }

        return new JushuitanInventoryPage(rows, ErpJson.ReadBoolProperty(data, "has_next") ?? false);
    }
}
