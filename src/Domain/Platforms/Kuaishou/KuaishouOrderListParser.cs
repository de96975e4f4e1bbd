namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>Parses <c>open.order.cursor.list</c>: <c>data{pageSize, beginTime, endTime, cursor, orderList[]}</c>.</summary>
public static class KuaishouOrderListParser
{
    /// <exception cref="KuaishouResponseFormatException">Not the documented envelope. An order without a readable id or time is returned in <see cref="KuaishouOrderListPage.Skipped"/>.</exception>
    public static KuaishouOrderListResult ParseResponse(string json)
    {
        using var document = KuaishouEnvelope.Parse(json);
        var (data, error) = KuaishouEnvelope.Read(document);
        if (error is not null)
        {
            return new KuaishouOrderListResult(null, error);
        }

        var orders = new List<KuaishouListedOrder>();
        var skipped = new List<SkippedListEntry>();
        if (PlatformJson.Property(data!.Value, "orderList") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var entry in list.EnumerateArray())
            {
                // Each entry nests its fields in orderBaseInfo like the detail; a flat entry is tolerated.
                var baseInfo = entry.ValueKind == JsonValueKind.Object ? KuaishouJson.Object(entry, "orderBaseInfo") ?? entry : entry;
                var oid = baseInfo.ValueKind == JsonValueKind.Object ? PlatformJson.Id(baseInfo, "oid") : null;
                var updated = oid is null ? null : KuaishouJson.Time(baseInfo, "updateTime") ?? KuaishouJson.Time(baseInfo, "createTime");
                if (oid is null || updated is null)
                {
                    var reason = oid is null ? "orderList entry has no integer oid" : $"orderList entry {oid} lacks updateTime";
                    skipped.Add(SkippedListEntry.Of(baseInfo, reason, "oid", "sellerId", "updateTime", "createTime"));
                    continue;
                }

                orders.Add(new KuaishouListedOrder(oid, PlatformJson.Long(baseInfo, "status") ?? 0, updated.Value));
            }
        }

        var cursor = PlatformJson.String(data.Value, "cursor");
        var next = string.IsNullOrEmpty(cursor) || cursor == KuaishouCursorListQuery.NoMoreCursor ? null : cursor;
        return new KuaishouOrderListResult(new KuaishouOrderListPage(orders, next, skipped), null);
    }
}
