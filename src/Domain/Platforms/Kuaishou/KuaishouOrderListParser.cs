using System.Text.Json;

namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>Parses <c>open.order.cursor.list</c>: <c>data{pageSize, beginTime, endTime, cursor, orderList[]}</c>.</summary>
public static class KuaishouOrderListParser
{
    /// <exception cref="KuaishouResponseFormatException">Not the documented envelope, or an order lacks its id or update time.</exception>
    public static KuaishouOrderListResult ParseResponse(string json)
    {
        using var document = KuaishouEnvelope.Parse(json);
        var (data, error) = KuaishouEnvelope.Read(document);
        if (error is not null)
        {
            return new KuaishouOrderListResult(null, error);
        }

        var orders = new List<KuaishouListedOrder>();
        if (KuaishouJson.Property(data!.Value, "orderList") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var entry in list.EnumerateArray())
            {
                // Each entry nests its fields in orderBaseInfo like the detail; a flat entry is tolerated.
                var baseInfo = KuaishouJson.Object(entry, "orderBaseInfo") ?? entry;
                var oid = KuaishouJson.Id(baseInfo, "oid") ?? throw new KuaishouResponseFormatException("orderList entry lacks oid");
                var updated = KuaishouJson.Time(baseInfo, "updateTime") ?? KuaishouJson.Time(baseInfo, "createTime")
                    ?? throw new KuaishouResponseFormatException($"orderList entry {oid} lacks updateTime");
                orders.Add(new KuaishouListedOrder(oid, KuaishouJson.Long(baseInfo, "status") ?? 0, updated));
            }
        }

        var cursor = KuaishouJson.String(data.Value, "cursor");
        var next = string.IsNullOrEmpty(cursor) || cursor == KuaishouCursorListQuery.NoMoreCursor ? null : cursor;
        return new KuaishouOrderListResult(new KuaishouOrderListPage(orders, next), null);
    }
}
