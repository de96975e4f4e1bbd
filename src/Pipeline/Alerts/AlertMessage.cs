using ServerlessSync.Domain.Alerts;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>An alert as sent to people: ids and reasons only, never buyer data.</summary>
public sealed record AlertMessage(AlertKind Kind, string Target, string InstanceId, string Reason, DateTimeOffset At)
{
    public string Title => Kind switch
    {
        AlertKind.ErpRejected => "ERP rejected orders / ERP 拒绝订单",
        AlertKind.ErpRetriesExhausted => "ERP unreachable, retries exhausted / ERP 重试耗尽",
        AlertKind.Quarantined => "Order quarantined / 订单隔离待处理",
        AlertKind.PendingStock => "Order waiting for stock / 订单缺货待处理",
        AlertKind.CancelledAfterErp => "Cancelled after ERP write / 已入ERP订单被取消",
        AlertKind.WriteBackFailed => "ERP order written but not recorded / ERP 已写入但记录失败",
        AlertKind.IntakePoisoned => "Intake message poisoned, redrive needed / 入站消息进入毒信队列，需重新投递",
        AlertKind.PullFailed => "Order pull failed for a shop / 店铺订单拉取失败",
        AlertKind.PullEntrySkipped => "Unreadable order in a pulled list / 拉取列表中有无法识别的订单",
        AlertKind.PushForUnknownShop => "Push for a shop not configured / 未配置店铺的推送已暂存",
        AlertKind.SellerNoteFailed => "ERP number not written to the platform order / ERP 单号回写平台备注失败",
        AlertKind.ShipmentFailed => "Shipment not sent to the platform / 发货信息回传平台失败",
        AlertKind.StockPushFailed => "Stock not pushed to the platform / 库存同步到平台失败",
        _ => Kind.ToString(),
    };
}
