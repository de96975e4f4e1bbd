using System.Text.Json;
using Azure;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>One ERP shipment still to reach its platform order; <see cref="Quarantined"/> while its carrier is unmapped.</summary>
public sealed record PendingShipment(OrderKey Key, ErpShipment Shipment, int Failures, DateTimeOffset DueAt, bool Quarantined, string? LastError);

/// <summary>
/// The durable queue of shipments to send (table <c>Shipments</c>, one row per order and outbound document): added when
/// the pickup reads the document from the ERP, rescheduled with its failure count after a failed try, set aside while its
/// carrier is unmapped until released, and removed once the platform order carries it or it is given up. Adding a shipment
/// that is already queued changes nothing.
/// </summary>
public sealed class ShipmentQueue(StorageClients storage)
{
    public const string TableName = "Shipments";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>False when the shipment was queued already.</returns>
    public async Task<bool> AddAsync(OrderKey key, ErpShipment shipment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        try
        {
            await table.AddEntityAsync(ToEntity(new PendingShipment(key, shipment, 0, now, false, null)), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Up to <paramref name="max"/> shipments due at <paramref name="now"/> (not the quarantined ones).</summary>
    public async Task<IReadOnlyList<PendingShipment>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var due = new List<PendingShipment>();
        var filter = TableClient.CreateQueryFilter($"Quarantined eq {false} and DueAt le {now}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            due.Add(FromEntity(entity));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<IReadOnlyList<PendingShipment>> ListOfOrderAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pk = PartitionKey(key);
        var prefix = TableKeys.Sanitize(key.OrderId) + "|";
        var rows = new List<PendingShipment>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(FromEntity(entity));
            }
        }

        return rows;
    }

    public async Task SaveAsync(PendingShipment pending, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(pending), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(PendingShipment pending, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.DeleteEntityAsync(PartitionKey(pending.Key), RowKey(pending.Key, pending.Shipment.ShipmentNo), ETag.All, cancellationToken);
    }

    private static string PartitionKey(OrderKey key) => TableKeys.Sanitize($"{key.Platform}:{key.ShopId}");

    private static string RowKey(OrderKey key, string shipmentNo) => TableKeys.Sanitize($"{key.OrderId}|{shipmentNo}");

    private static TableEntity ToEntity(PendingShipment p) => new(PartitionKey(p.Key), RowKey(p.Key, p.Shipment.ShipmentNo))
    {
        ["Platform"] = p.Key.Platform,
        ["ShopId"] = p.Key.ShopId,
        ["OrderId"] = p.Key.OrderId,
        ["Shipment"] = JsonSerializer.Serialize(p.Shipment, Json),
        ["Failures"] = p.Failures,
        ["DueAt"] = p.DueAt,
        ["Quarantined"] = p.Quarantined,
        ["LastError"] = p.LastError is { Length: > 4_000 } e ? e[..4_000] : p.LastError,
    };

    private static PendingShipment FromEntity(TableEntity e) => new(
        new OrderKey(e.GetString("Platform"), e.GetString("ShopId"), e.GetString("OrderId")),
        JsonSerializer.Deserialize<ErpShipment>(e.GetString("Shipment") ?? "null", Json) ?? throw new InvalidOperationException($"Shipment row {e.RowKey} has no shipment."),
        e.GetInt32("Failures") ?? 0,
        e.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue,
        e.GetBoolean("Quarantined") ?? false,
        e.GetString("LastError"));
}
