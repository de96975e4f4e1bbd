using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Orders;

namespace ServerlessSync.Domain.Mapping;

/// <summary>The result of mapping an order: an ERP document, or the reasons it must wait for a person.</summary>
public sealed record PlanResult(ErpSalesOrder? Document, IReadOnlyList<string> QuarantineReasons, IReadOnlyList<string> UnmappedSkus)
{
    public bool IsQuarantined => Document is null;

    public static PlanResult Quarantine(IReadOnlyList<string> reasons, IReadOnlyList<string> unmapped) => new(null, reasons, unmapped);
}

/// <summary>Maps a canonical order through a shop's mapping profile into an ERP sales order.</summary>
public static class OrderPlanner
{
    public static PlanResult Plan(Order order, MappingProfile profile)
    {
        var reasons = new List<string>();
        var unmapped = new List<string>();
        var lines = new List<ErpSalesOrderLine>();

        if (order.Lines.Count == 0)
        {
            reasons.Add("order has no lines");
        }

        foreach (var line in order.Lines)
        {
            var sku = FindSku(profile, line);
            if (sku is null)
            {
                unmapped.Add(line.MerchantCode ?? line.SkuId);
                continue;
            }

            lines.Add(new ErpSalesOrderLine
            {
                MaterialNumber = sku.MaterialNumber,
                UnitNumber = sku.UnitNumber,
                Quantity = line.Quantity,
                AmountFen = line.IsGift ? 0 : line.PaidAmountFen,
                IsGift = line.IsGift,
                WarehouseNumber = sku.Warehouse ?? profile.DefaultWarehouse,
                TaxRatePercent = profile.TaxRatePercent,
                PlatformLineId = line.LineId,
            });
        }

        if (unmapped.Count > 0)
        {
            reasons.Add($"unmapped SKU: {string.Join(", ", unmapped)}");
        }

        var goodsPaid = order.PaidAmountFen - order.FreightFen;
        if (order.Lines.Count > 0 && goodsPaid != order.LinesPaidFen)
        {
            reasons.Add($"paid amount {goodsPaid} fen (freight excluded) differs from the sum of lines {order.LinesPaidFen} fen");
        }

        if (reasons.Count > 0)
        {
            return PlanResult.Quarantine(reasons, unmapped);
        }

        var document = new ErpSalesOrder
        {
            ExternalOrderNo = order.Key.OrderId,
            Platform = order.Key.Platform,
            ShopId = order.Key.ShopId,
            CustomerNumber = profile.CustomerNumber,
            SalesOrgNumber = profile.SalesOrgNumber,
            SalesmanNumber = profile.SalesmanNumber,
            OrderDate = order.PaidAt ?? order.CreatedAt,
            TotalAmountFen = lines.Sum(l => l.AmountFen),
            Note = $"{order.Key.Platform} order {order.Key.OrderId}",
            Lines = lines,
            CustomFields = MarketingFields(order),
        };
        return new PlanResult(document, [], []);
    }

    private static SkuMapping? FindSku(MappingProfile profile, OrderLine line)
    {
        if (profile.Skus.TryGetValue(line.SkuId, out var bySku))
        {
            return bySku;
        }

        return line.MerchantCode is not null && profile.Skus.TryGetValue(line.MerchantCode, out var byCode) ? byCode : null;
    }

    private static Dictionary<string, string> MarketingFields(Order order)
    {
        var fields = new Dictionary<string, string>();
        var anchorLine = order.Lines.FirstOrDefault(l => l.AnchorId is not null);
        var anchorId = order.Tags.AnchorId ?? anchorLine?.AnchorId;
        var anchorName = order.Tags.AnchorName ?? anchorLine?.AnchorName;
        var room = order.Tags.LiveRoomId ?? order.Lines.FirstOrDefault(l => l.LiveRoomId is not null)?.LiveRoomId;
        if (anchorId is not null) fields["anchorId"] = anchorId;
        if (anchorName is not null) fields["anchorName"] = anchorName;
        if (room is not null) fields["liveRoomId"] = room;
        if (order.Tags.Channel is not null) fields["channel"] = order.Tags.Channel;
        return fields;
    }
}
