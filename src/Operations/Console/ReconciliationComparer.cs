using ServerlessSync.Domain.Erp;

namespace ServerlessSync.Pipeline.OpsConsole;

/// <summary>
/// Compares one shop-day across platform, ledger and ERP, counts and amounts (the ERP order's total against what the
/// buyer paid), and lists every order that does not agree.
/// </summary>
public static class ReconciliationComparer
{
    public static bool IsSale(OrderStatus status) => status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed;

    public static ReconciliationReport Compare(PlatformSide platform, IReadOnlyList<LedgerEntry> ledger, ErpSide erp)
    {
        var missing = new List<ReconciliationIssue>();
        var duplicates = new List<ReconciliationIssue>();
        var mismatched = new List<ReconciliationIssue>();
        var byId = ledger.GroupBy(e => e.Key.OrderId).ToDictionary(g => g.Key, g => g.First());
        var onPlatformById = (platform.Orders ?? []).GroupBy(p => p.OrderId).ToDictionary(g => g.Key, g => g.First());

        if (platform.Orders is { } onPlatform)
        {
            foreach (var p in onPlatform)
            {
                if (!byId.TryGetValue(p.OrderId, out var l))
                {
                    missing.Add(new ReconciliationIssue(p.OrderId, "missingInLedger", "on the platform, never recorded by the hub", p.Status, p.PaidAmountFen));
                    continue;
                }

                if (p.PaidAmountFen != l.PaidAmountFen)
                {
                    mismatched.Add(Issue(l, "amountMismatch", $"platform {p.PaidAmountFen} fen, ledger {l.PaidAmountFen} fen", p));
                }

                var ledgerInErp = l.Status is SyncStatus.Synced or SyncStatus.CancelledAfterErp;
                if (!IsSale(p.Status) && p.Status != OrderStatus.PendingPayment && l.Status == SyncStatus.Synced)
                {
                    mismatched.Add(Issue(l, "statusMismatch", $"{p.Status} on the platform but the ledger still has it synced: the ERP order needs closing", p));
                }
                else if (IsSale(p.Status) && l.Status is SyncStatus.AwaitingPayment or SyncStatus.CancelledBeforeErp)
                {
                    mismatched.Add(Issue(l, "statusMismatch", $"{p.Status} on the platform but {l.Status} in the ledger", p));
                }
                else if (IsSale(p.Status) && !ledgerInErp)
                {
                    missing.Add(Issue(l, "notInErp", $"paid on the platform, {l.Status} in the ledger{(l.Reason is { } r ? ": " + r : "")}", p));
                }
            }

            if (!platform.Truncated)
            {
                var listed = onPlatform.Select(p => p.OrderId).ToHashSet(StringComparer.Ordinal);
                foreach (var l in ledger.Where(l => !listed.Contains(l.Key.OrderId)))
                {
                    missing.Add(Issue(l, "missingOnPlatform", "in the ledger, not in the platform's list for this day", null));
                }
            }
        }

        foreach (var l in ledger)
        {
            if (!erp.Found.TryGetValue(l.Key.OrderId, out var found))
            {
                continue;
            }

            var ledgerInErp = l.Status is SyncStatus.Synced or SyncStatus.CancelledAfterErp || l.ErpOrderNumber is not null;
            if (found is null && ledgerInErp)
            {
                missing.Add(Issue(l, "missingInErp", $"the ledger recorded ERP order {l.ErpOrderNumber}, the ERP has none for this order", null));
            }
            else if (found is not null && l.ErpOrderNumber is null)
            {
                mismatched.Add(Issue(l, "erpNumberNotRecorded", $"the ERP holds {found.Number} ({found.DocumentStatus}) but the ledger recorded no ERP number", null, found));
            }
            else if (found is not null && !string.Equals(found.Number, l.ErpOrderNumber, StringComparison.Ordinal))
            {
                duplicates.Add(Issue(l, "secondErpOrder", $"the ERP answers {found.Number} for this order, the ledger recorded {l.ErpOrderNumber}: two ERP orders likely", null, found));
            }

            // The ERP's receivable must be what the buyer paid, to the fen (the platform's figure when it was read).
            var p = onPlatformById.GetValueOrDefault(l.Key.OrderId);
            var paid = p?.PaidAmountFen ?? l.PaidAmountFen;
            if (found?.TotalAmountFen is { } erpFen && erpFen != paid)
            {
                mismatched.Add(Issue(l, "erpAmountMismatch", $"ERP order {found.Number} totals {erpFen} fen, the buyer paid {paid} fen ({erpFen - paid:+#;-#} fen)", p, found));
            }
        }

        foreach (var shared in ledger.Where(l => l.ErpOrderNumber is not null).GroupBy(l => l.ErpOrderNumber!).Where(g => g.Count() > 1))
        {
            foreach (var l in shared)
            {
                duplicates.Add(Issue(l, "sharedErpNumber", $"ERP order {shared.Key} is recorded for {shared.Count()} platform orders", null));
            }
        }

        var ledgerSales = ledger.Where(l => l.PlatformStatus is { } s && IsSale(s)).ToList();
        return new ReconciliationReport(
            platform.Orders is { } po ? new SideTotals(po.Count, po.Count(p => IsSale(p.Status)), po.Where(p => IsSale(p.Status)).Sum(p => p.PaidAmountFen)) : null,
            new SideTotals(ledger.Count, ledgerSales.Count, ledgerSales.Sum(l => l.PaidAmountFen)),
            erp.Found.Values.Count(v => v is not null),
            erp.Found.Count,
            erp.Found.Values.Sum(v => v?.TotalAmountFen ?? 0),
            missing,
            duplicates,
            mismatched);
    }

    private static ReconciliationIssue Issue(LedgerEntry l, string kind, string detail, PlatformDayOrder? p, ErpOrderRef? found = null) =>
        new(l.Key.OrderId, kind, detail, p?.Status ?? l.PlatformStatus, p?.PaidAmountFen, l.Status, l.PaidAmountFen, l.ErpOrderNumber, found?.Number, found?.TotalAmountFen);
}
