using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.Kingdee.KingdeeSimAnswers;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Save, BatchSave, Submit, Audit, UnAudit and Delete of SAL_SaleOrder against the simulator's store.</summary>
public static class KingdeeSimWrites
{
    public const string SaleOrder = "SAL_SaleOrder";

    /// <summary>The answer, and the bills the call stored (what a commit-then-timeout fault commits before going silent).</summary>
    public sealed record SaveOutcome(JsonNode Answer, IReadOnlyList<KingdeeSimBill> Saved);

    private sealed record RowOutcome(KingdeeSimBill? Bill, IReadOnlyList<Error> Errors);

    public static SaveOutcome Save(KingdeeSimulatorState state, KingdeeSimRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (request.FormId != SaleOrder)
        {
            return new SaveOutcome(UnknownForm(request.FormId), []);
        }

        var row = SaveRow(state, KingdeeSimJson.Get(request.Data, "Model") as JsonObject, 0, KingdeeSimJson.Flag(request.Data, "IsAutoSubmitAndAudit"));
        return row.Bill is null
            ? new SaveOutcome(WriteFailure(ValidationFailed, row.Errors), [])
            : new SaveOutcome(WriteSuccess([new Success(row.Bill.Id, row.Bill.BillNo)]), [row.Bill]);
    }

    /// <summary>
    /// <c>Model</c> is an array; each row is saved on its own, so one bad row does not stop the others. The answer lists
    /// saved rows in <c>SuccessEntitys</c> and refused ones in <c>Errors</c>, each with the row's <c>DIndex</c>; any
    /// refused row makes <c>IsSuccess</c> false (MsgCode 11) while the saved rows stay saved.
    /// </summary>
    public static SaveOutcome BatchSave(KingdeeSimulatorState state, KingdeeSimRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (request.FormId != SaleOrder)
        {
            return new SaveOutcome(UnknownForm(request.FormId), []);
        }

        if (KingdeeSimJson.Get(request.Data, "Model") is not JsonArray { Count: > 0 } models)
        {
            return new SaveOutcome(WriteFailure(ParameterError, [new Error("Model", "Model 不能为空，批量保存需要单据数组")]), []);
        }

        if (models.Any(m => state.Options.UnattributableOrderNos.Contains(KingdeeSimJson.Text(m as JsonObject, "FNetOrderBillNo") ?? "")))
        {
            return new SaveOutcome(WriteSuccess([new Success(0, "XSDD-GARBLED", models.Count)]), []);
        }

        var autoSubmitAndAudit = KingdeeSimJson.Flag(request.Data, "IsAutoSubmitAndAudit");
        var saved = new List<KingdeeSimBill>();
        var successes = new List<Success>();
        var errors = new List<Error>();
        for (var i = 0; i < models.Count; i++)
        {
            var row = SaveRow(state, models[i] as JsonObject, i, autoSubmitAndAudit);
            if (row.Bill is null)
            {
                errors.AddRange(row.Errors);
            }
            else
            {
                saved.Add(row.Bill);
                successes.Add(new Success(row.Bill.Id, row.Bill.BillNo, i));
            }
        }

        var answer = errors.Count == 0 ? WriteSuccess(successes) : WriteFailure(ValidationFailed, errors, successes);
        return new SaveOutcome(answer, saved);
    }

    private static RowOutcome SaveRow(KingdeeSimulatorState state, JsonObject? model, int dIndex, bool autoSubmitAndAudit)
    {
        var (draft, errors) = KingdeeSimSaleOrderModel.ReadModel(model, state.Store.MaterialExists, state.Time.GetUtcNow());
        if (draft is null)
        {
            return new RowOutcome(null, errors.Select(e => e with { DIndex = dIndex }).ToList());
        }

        if (state.Roll(state.Options.BusinessRejectRate))
        {
            state.Metrics.Count(SimCounter.BusinessRejects);
            return new RowOutcome(null, [new Error("FCustId", "客户信用额度不足，不允许保存（模拟业务拒绝）", dIndex)]);
        }

        var bill = state.Store.Add(draft);
        if (bill is null)
        {
            return new RowOutcome(null, [new Error("FBillNo", $"单据编号 {draft.BillNo} 已存在", dIndex)]);
        }

        if (autoSubmitAndAudit && state.Store.TryMove(bill.Id, ["A"], "C"))
        {
            bill = bill with { Status = "C" };
        }

        return new RowOutcome(bill, []);
    }

    public static JsonNode Submit(KingdeeSimulatorState state, KingdeeSimRequest request) =>
        Move(state, request, ["A", "D"], "B", b => b.Status is "B" ? "单据已提交，不能重复提交" : "单据已审核，不能提交");

    public static JsonNode Audit(KingdeeSimulatorState state, KingdeeSimRequest request) =>
        Move(state, request, ["B"], "C", b => b.Status is "C" ? "单据已审核，不能重复审核" : "单据未提交，不能审核");

    /// <summary>As in K/3 Cloud, UnAudit returns an audited bill to D (重新审核).</summary>
    public static JsonNode UnAudit(KingdeeSimulatorState state, KingdeeSimRequest request) =>
        Move(state, request, ["C"], "D", b => $"单据状态为[{b.Status}]，未审核的单据不能反审核");

    /// <summary>Removes bills in A, D or Z; a submitted or audited bill is refused (it must be un-audited first).</summary>
    public static JsonNode Delete(KingdeeSimulatorState state, KingdeeSimRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Apply(state, request, bill => state.Store.TryDelete(bill.Id, ["A", "D", "Z"], state.Time.GetUtcNow()),
            b => b.Status is "C" ? "单据已审核，不允许删除" : "单据审核中，不允许删除");
    }

    private static JsonNode Move(
        KingdeeSimulatorState state, KingdeeSimRequest request, IReadOnlyCollection<string> from, string to, Func<KingdeeSimBill, string> whyNot)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Apply(state, request, bill => state.Store.TryMove(bill.Id, from, to), whyNot);
    }

    private static JsonNode Apply(
        KingdeeSimulatorState state, KingdeeSimRequest request, Func<KingdeeSimBill, bool> apply, Func<KingdeeSimBill, string> whyNot)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        if (request.FormId != SaleOrder)
        {
            return UnknownForm(request.FormId);
        }

        var targets = Targets(request.Data);
        if (targets.Count == 0)
        {
            return WriteFailure(ParameterError, [new Error("Numbers", "Numbers 和 Ids 不能同时为空")]);
        }

        var errors = new List<Error>();
        var moved = new List<Success>();
        var allMissing = true;
        for (var i = 0; i < targets.Count; i++)
        {
            var (number, id) = targets[i];
            var bill = state.Store.Find(number, id);
            if (bill is null)
            {
                errors.Add(new Error("FBillNo", $"单据 {number ?? id?.ToString(System.Globalization.CultureInfo.InvariantCulture)} 不存在", i));
                continue;
            }

            allMissing = false;
            if (apply(bill))
            {
                moved.Add(new Success(bill.Id, bill.BillNo, i));
            }
            else
            {
                errors.Add(new Error("FDocumentStatus", $"{bill.BillNo}: {whyNot(state.Store.Find(null, bill.Id) ?? bill)}", i));
            }
        }

        return errors.Count == 0 ? WriteSuccess(moved) : WriteFailure(allMissing ? DataNotFound : ValidationFailed, errors, moved);
    }

    private static List<(string? Number, long? Id)> Targets(JsonObject? data)
    {
        var targets = new List<(string?, long?)>();
        if (KingdeeSimJson.Get(data, "Numbers") is JsonArray numbers)
        {
            targets.AddRange(numbers.Select(KingdeeSimJson.Text).Where(n => !string.IsNullOrEmpty(n)).Select(n => ((string?)n, (long?)null)));
        }

        var ids = KingdeeSimJson.Text(data, "Ids") ?? "";
        foreach (var part in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            targets.Add((null, long.TryParse(part, out var id) ? id : -1));
        }

        return targets;
    }

    internal static JsonNode UnknownForm(string? formId) =>
        WriteFailure(4, [new Error("FormId", $"业务对象 {formId} 不存在")]);
}
