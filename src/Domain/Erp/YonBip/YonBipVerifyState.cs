namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// The sales order's approval state as the connector tracks it, from <c>verifystate</c> (the MDD bills' audit-state
/// field; its presence on voucherorder list/detail is assumed, the reference does not list it) or else from the
/// <c>nextStatus</c> that batchsubmit/batchaudit report.
/// </summary>
public static class YonBipVerifyState
{
    /// <summary>开立: what singleSave leaves.</summary>
    public const string Open = "0";

    /// <summary>审批中: submitted, waiting for batchaudit.</summary>
    public const string Approving = "1";

    /// <summary>已审核: audited (order confirmed).</summary>
    public const string Approved = "2";

    /// <summary>batchsubmit's nextStatus when an approval step follows.</summary>
    public const string NextApproving = "APPROVING";

    /// <summary>nextStatus when the order is confirmed (after audit, or at submit when the tenant has no approval step).</summary>
    public const string NextConfirmOrder = "CONFIRMORDER";

    public static string? FromNextStatus(string? nextStatus) => nextStatus switch
    {
        NextApproving => Approving,
        NextConfirmOrder => Approved,
        _ => null,
    };

    /// <summary>How far along the approval path a state is, for picking the most advanced of duplicate orders.</summary>
    public static int Progress(string? state) => state switch
    {
        Approved => 3,
        Approving => 2,
        Open => 1,
        _ => 0,
    };
}
