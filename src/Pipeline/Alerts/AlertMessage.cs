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
        _ => Kind.ToString(),
    };
}
