namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>One <c>infos[]</c> item of batchsubmit/batchaudit.</summary>
public sealed record YonBipBatchInfo(string? Id, string? Code, string? NextStatus, string? VerifyState);

/// <summary>
/// batchsubmit / batchaudit <c>data</c>: <c>count</c>, <c>sucessCount</c> (sic), <c>failCount</c>, <c>messages[]</c>,
/// <c>infos[]</c>. Code "200" with failCount &gt; 0 is a failure.
/// </summary>
public sealed record YonBipBatchResult(int Count, int SuccessCount, int FailCount, IReadOnlyList<string> Messages, IReadOnlyList<YonBipBatchInfo> Infos)
{
    public bool AllSucceeded => FailCount == 0 && SuccessCount > 0;

    public string ErrorText() => Messages.Count > 0 ? string.Join("; ", Messages) : $"{FailCount} of {Count} failed";

    /// <summary>The state the order reached, from the info for <paramref name="id"/> (or the only info).</summary>
    public string? StateOf(string id)
    {
        var info = Infos.FirstOrDefault(i => i.Id == id) ?? (Infos.Count == 1 ? Infos[0] : null);
        return info is null ? null : info.VerifyState ?? YonBipVerifyState.FromNextStatus(info.NextStatus);
    }

    public static YonBipBatchResult FromData(YonBipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.Data;
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ErpProtocolException("YonBIP batch operation answered without a data object.");
        }

        var count = ErpJson.ReadIntProperty(data, "count") ?? 0;
        var success = ErpJson.ReadIntProperty(data, "sucessCount") ?? ErpJson.ReadIntProperty(data, "successCount") ?? 0;
        var fail = ErpJson.ReadIntProperty(data, "failCount") ?? Math.Max(0, count - success);
        var messages = new List<string>();
        if (ErpJson.TryGetArray(data, "messages", out var array))
        {
            foreach (var item in array.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.Object
                    ? ErpJson.ReadStringProperty(item, "message") ?? item.GetRawText()
                    : ErpJson.ReadString(item);
                if (!string.IsNullOrEmpty(text))
                {
                    messages.Add(text);
                }
            }
        }

        var infos = new List<YonBipBatchInfo>();
        if (ErpJson.TryGetArray(data, "infos", out var infoArray))
        {
            foreach (var item in infoArray.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                infos.Add(new YonBipBatchInfo(
                    ErpJson.ReadStringProperty(item, "id"),
                    ErpJson.ReadStringProperty(item, "code"),
                    ErpJson.ReadStringProperty(item, "nextStatus"),
                    ErpJson.ReadStringProperty(item, "verifystate")));
            }
        }

        return new YonBipBatchResult(count, success, fail, messages, infos);
    }

    /// <summary>The body <c>{"data":[{"id":...}]}</c>; ids go as JSON numbers when they are integers, never through a double.</summary>
    public static string BuildBody(IEnumerable<string> ids) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["data"] = new System.Text.Json.Nodes.JsonArray(ids.Select(id => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = YonBipIds.ToNode(id),
            }).ToArray()),
        }.ToJsonString();
}
