using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.YonBip.YonBipSimAnswers;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>singleSave, batchsubmit, batchaudit, batchunaudit and delete of sd/voucherorder against the simulator's store.</summary>
public static class YonBipSimWrites
{
    /// <summary>Our stand-in for the gateway's apiId in returned keys (<c>OPENAPI_&lt;apiId&gt;_…</c>).</summary>
    public const string SaveApiId = "sd_voucherorder_singleSave";

    public sealed record SaveResult(JsonNode Answer, YonBipSimOrder? Created);

    public static SaveResult Save(YonBipSimulatorState state, JsonObject? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = state.Time.GetUtcNow();
        var read = YonBipSimSaveModel.Read(body?["data"] as JsonObject, state.Store.ProductExists, state.Options.ExternalOrderNoDefine, now);
        if (read.Draft is null)
        {
            return new SaveResult(Error(read.ErrorCode!, read.Error!), null);
        }

        if (state.Roll(state.Options.BusinessRejectRate))
        {
            state.Metrics.Count(SimCounter.BusinessRejects);
            return new SaveResult(Error(BusinessError, "客户信用额度不足，不允许保存（模拟业务拒绝）"), null);
        }

        var window = TimeSpan.FromSeconds(Math.Max(0, state.Options.ResubmitCheckKeyWindowSeconds));
        var outcome = state.Store.Save(read.Draft, now, window, order => Ok(new JsonObject
        {
            ["id"] = order.Id,
            ["code"] = order.Code,
            ["verifystate"] = order.VerifyState,
            ["resubmitCheckKey"] = order.ResubmitCheckKey.Length == 0 ? null : $"OPENAPI_{SaveApiId}_{state.Options.TenantId}_{order.ResubmitCheckKey}",
        }));
        return new SaveResult(outcome.Answer, outcome.Order);
    }

    public static JsonNode Submit(YonBipSimulatorState state, JsonObject? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        var to = state.Options.SubmitNeedsAudit ? 1 : 2;
        return Batch(state, body, from: 0, to, o => o.VerifyState == 0 ? "" : $"单据[{o.Code}]已提交，不能重复提交");
    }

    public static JsonNode Audit(YonBipSimulatorState state, JsonObject? body) =>
        Batch(state, body, from: 1, to: 2, o => o.VerifyState == 0 ? $"单据[{o.Code}]未提交，不能审核" : $"单据[{o.Code}]已审核，不能重复审核");

    /// <summary>batchunaudit returns an audited order to 开立 (our choice: the reference names the API but not the state it leaves).</summary>
    public static JsonNode Unaudit(YonBipSimulatorState state, JsonObject? body) =>
        Batch(state, body, from: 2, to: 0, o => $"单据[{o.Code}]未审核，不能弃审");

    /// <summary>
    /// delete <c>{"data":{"resubmitCheckKey","id":[...],"code":[...]}}</c>: removes open (开立) orders only; a submitted or
    /// audited order is refused, as is one that does not exist.
    /// </summary>
    public static JsonNode Delete(YonBipSimulatorState state, JsonObject? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        var data = body?["data"] as JsonObject;
        var ids = (data?["id"] as JsonArray ?? []).Select(n => YonBipSimJson.Long(n?.ToJsonString().Trim('"'))).ToList();
        var codes = (data?["code"] as JsonArray ?? []).Select(n => n?.GetValue<string>()).ToList();
        if (ids.Count == 0 && codes.Count == 0)
        {
            return Error(ParameterInvalid, "参数校验失败：id 和 code 不能同时为空");
        }

        var targets = ids.Count > 0
            ? ids.Select(id => state.Store.Find(id, null)).ToList()
            : codes.Select(code => state.Store.Find(null, code)).ToList();
        if (targets.Any(o => o is null))
        {
            return Error(BusinessError, "单据不存在或已删除");
        }

        foreach (var order in targets)
        {
            if (!state.Store.TryDelete(order!.Id, state.Time.GetUtcNow()))
            {
                return Error(BusinessError, $"单据[{order.Code}]已提交或已审核，不能删除");
            }
        }

        return Ok(new JsonObject { ["count"] = targets.Count, ["sucessCount"] = targets.Count, ["failCount"] = 0 });
    }

    /// <summary>Each item moves on its own; code 200 carries the counts, so failCount &gt; 0 is the failure signal.</summary>
    private static JsonNode Batch(YonBipSimulatorState state, JsonObject? body, int from, int to, Func<YonBipSimOrder, string> whyNot)
    {
        if (body?["data"] is not JsonArray items || items.Count == 0)
        {
            return Error(ParameterInvalid, "参数校验失败：data 必须是非空数组");
        }

        var messages = new JsonArray();
        var infos = new JsonArray();
        var succeeded = 0;
        foreach (var item in items)
        {
            var id = YonBipSimJson.Long(YonBipSimJson.Text(item as JsonObject, "id"));
            var code = YonBipSimJson.Text(item as JsonObject, "code");
            var order = state.Store.Find(id, code);
            if (order is null)
            {
                messages.Add($"单据[{id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? code}]不存在");
                continue;
            }

            if (!state.Store.TryMove(order.Id, from, to))
            {
                messages.Add(whyNot(state.Store.Find(order.Id, null) ?? order));
                continue;
            }

            var moved = state.Store.Find(order.Id, null)!;
            succeeded++;
            infos.Add(new JsonObject { ["id"] = moved.Id, ["code"] = moved.Code, ["verifystate"] = moved.VerifyState, ["nextStatus"] = moved.NextStatus });
        }

        return Ok(new JsonObject
        {
            ["count"] = items.Count,
            ["sucessCount"] = succeeded,
            ["failCount"] = items.Count - succeeded,
            ["messages"] = messages,
            ["infos"] = infos,
        });
    }
}
