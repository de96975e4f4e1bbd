using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>
/// The <c>order.searchList</c> business parameters the simulator understands: <c>create_time_start/end</c>,
/// <c>update_time_start/end</c> (unix seconds, both ends included), <c>order_by</c>, <c>order_asc</c>, <c>page</c> (from 0)
/// and <c>size</c> (at most 100). Numbers may come as JSON numbers or numeric strings.
/// </summary>
public sealed record DouyinSearchListParams(
    (long Start, long End)? CreateTime,
    (long Start, long End)? UpdateTime,
    string OrderBy,
    bool Ascending,
    int Page,
    int Size)
{
    public const int MaxSize = 100;

    /// <summary>The real default page size is not documented; 10 is a guess.</summary>
    public const int DefaultSize = 10;

    public const string ByCreateTime = "create_time";
    public const string ByUpdateTime = "update_time";

    /// <summary>Reads and checks the parameters; on failure returns the gateway's error envelope instead.</summary>
    public static (DouyinSearchListParams? Params, JsonObject? Error) Parse(string body, long nowSeconds, int maxWindowHours)
    {
        JsonObject param;
        try
        {
            param = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("param_json is not an object");
        }
        catch (JsonException)
        {
            return (null, Invalid("isv.parameter-format-invalid", "业务参数json解析失败"));
        }

        if (!TryLong(param, "page", 0, out var page) || page is < 0 or > int.MaxValue)
        {
            return (null, Invalid("isv.parameter-invalid", "page 需为从0开始的页码"));
        }

        if (!TryLong(param, "size", DefaultSize, out var size) || size is < 1 or > MaxSize)
        {
            return (null, Invalid("isv.parameter-invalid", $"size 需在1到{MaxSize}之间"));
        }

        var orderBy = param["order_by"]?.GetValueKind() == JsonValueKind.String ? param["order_by"]!.GetValue<string>() : ByCreateTime;
        if (orderBy is not (ByCreateTime or ByUpdateTime))
        {
            return (null, Invalid("isv.parameter-invalid", "order_by 仅支持 create_time 或 update_time"));
        }

        if (!TryBool(param, "order_asc", out var ascending))
        {
            return (null, Invalid("isv.parameter-invalid", "order_asc 需为布尔值"));
        }

        var maxWindow = maxWindowHours * 3600L;
        var (create, createError) = Range(param, "create_time", nowSeconds, maxWindow, maxWindowHours);
        if (createError is not null)
        {
            return (null, createError);
        }

        var (update, updateError) = Range(param, "update_time", nowSeconds, maxWindow, maxWindowHours);
        if (updateError is not null)
        {
            return (null, updateError);
        }

        return (new DouyinSearchListParams(create, update, orderBy, ascending, (int)page, (int)size), null);
    }

    public bool Matches(DouyinSimOrder order) =>
        (CreateTime is not { } c || (order.CreateTime >= c.Start && order.CreateTime <= c.End)) &&
        (UpdateTime is not { } u || (order.UpdateTime >= u.Start && order.UpdateTime <= u.End));

    public long SortKey(DouyinSimOrder order) => OrderBy == ByUpdateTime ? order.UpdateTime : order.CreateTime;

    /// <summary>
    /// A range with only one end given is completed with 0 or now, which a window limit then refuses for a missing start.
    /// The real API's window limit and its error text are unknown; the simulator answers like its other parameter errors.
    /// </summary>
    private static ((long, long)? Range, JsonObject? Error) Range(JsonObject param, string field, long nowSeconds, long maxWindow, int maxWindowHours)
    {
        var hasStart = param[field + "_start"] is not null;
        var hasEnd = param[field + "_end"] is not null;
        if (!hasStart && !hasEnd)
        {
            return (null, null);
        }

        if (!TryLong(param, field + "_start", 0, out var start) || !TryLong(param, field + "_end", nowSeconds, out var end) || start < 0 || end < 0)
        {
            return (null, Invalid("isv.parameter-invalid", $"{field}_start/{field}_end 需为秒级时间戳"));
        }

        if (start > end)
        {
            return (null, Invalid("isv.parameter-invalid", $"{field}_start 不能晚于 {field}_end"));
        }

        if (end - start > maxWindow)
        {
            return (null, Invalid("isv.parameter-invalid", $"查询时间跨度不能超过{maxWindowHours}小时"));
        }

        return ((start, end), null);
    }

    private static bool TryLong(JsonObject param, string name, long fallback, out long value)
    {
        var node = param[name];
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                value = fallback;
                return true;
            case JsonValueKind.Number when node.AsValue().TryGetValue(out long number):
                value = number;
                return true;
            case JsonValueKind.String:
                return long.TryParse(node.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    private static bool TryBool(JsonObject param, string name, out bool value)
    {
        var node = param[name];
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                value = false; // the API sorts descending unless asked otherwise
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = node.GetValue<bool>();
                return true;
            case JsonValueKind.String:
                return bool.TryParse(node.GetValue<string>(), out value);
            default:
                value = false;
                return false;
        }
    }

    private static JsonObject Invalid(string subCode, string subMsg) =>
        DouyinOpenApiEnvelope.Error(DouyinOpenApiEnvelope.ParameterInvalid, "非法的参数", subCode, subMsg);
}
