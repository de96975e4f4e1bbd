namespace ServerlessSync.Domain.Orders;

/// <summary>Identifies one platform order. Ids are strings: WeChat order ids exceed 2^53.</summary>
public sealed record OrderKey(string Platform, string ShopId, string OrderId)
{
    /// <summary>The deterministic orchestration instance id, also the correlation id in logs.</summary>
    public string InstanceId => $"{Platform}:{ShopId}:{OrderId}";

    public static OrderKey ParseInstanceId(string instanceId)
    {
        var parts = instanceId.Split(':');
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException($"'{instanceId}' is not an instance id of the form platform:shopId:orderId.");
        }

        return new OrderKey(parts[0], parts[1], parts[2]);
    }

    public override string ToString() => InstanceId;
}
