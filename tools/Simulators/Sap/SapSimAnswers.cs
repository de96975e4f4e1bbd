using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// OData V2 answer bodies as SAP Gateway writes them. Message ids follow SAP's CLASS/NUMBER shape; the reference has no
/// verified ids for these cases, so they are plausible stand-ins.
/// </summary>
public static class SapSimAnswers
{
    public const string MalformedBody = "/IWBEP/CM_MGW_RT/176";
    public const string InvalidProperty = "/IWBEP/CM_MGW_RT/021";
    public const string InvalidValue = "/IWBEP/CM_MGW_RT/020";
    public const string BadQuery = "/IWBEP/CM_MGW_RT/005";
    public const string ResourceNotFound = "/IWBEP/CM_MGW_RT/022";
    public const string SystemFailure = "/IWFND/CM_BEC/026";
    public const string MissingField = "V1/041";
    public const string SalesAreaUnknown = "V1/312";
    public const string OrderTypeUnknown = "V1/023";
    public const string MaterialUnknown = "V1/392";
    public const string ConditionNotAllowed = "V1/262";
    public const string CreditLimitExceeded = "V1/154";

    public sealed record Failure(int Status, string Code, string Message, string Target = "");

    public static JsonObject Error(string code, string message, string target = "") => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = new JsonObject { ["lang"] = "en", ["value"] = message },
            ["innererror"] = new JsonObject
            {
                ["application"] = new JsonObject
                {
                    ["component_id"] = "SD-SLS-API",
                    ["service_namespace"] = "/SAP/",
                    ["service_id"] = "API_SALES_ORDER_SRV",
                    ["service_version"] = "0001",
                },
                ["transactionid"] = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ["timestamp"] = DateTime.UtcNow.ToString("yyyyMMddHHmmss.fffffff", CultureInfo.InvariantCulture),
                ["errordetails"] = new JsonArray(new JsonObject
                {
                    ["code"] = code,
                    ["message"] = message,
                    ["propertyref"] = "",
                    ["severity"] = "error",
                    ["target"] = target,
                }),
            },
        },
    };

    /// <summary><c>{"d":{...}}</c> with <c>__metadata</c>.</summary>
    public static JsonObject Entity(JsonObject properties) => new() { ["d"] = properties };

    /// <summary><c>{"d":{"results":[...],"__count":..,"__next":..}}</c>.</summary>
    public static JsonObject Collection(IEnumerable<JsonObject> rows, string? next, int? count)
    {
        var d = new JsonObject();
        if (count is { } total)
        {
            d["__count"] = total.ToString(CultureInfo.InvariantCulture);
        }

        d["results"] = new JsonArray(rows.Select(r => (JsonNode?)r).ToArray());
        if (next is not null)
        {
            d["__next"] = next;
        }

        return new JsonObject { ["d"] = d };
    }

    public static JsonObject Metadata(string uri, string type, string? etag = null)
    {
        var metadata = new JsonObject { ["id"] = uri, ["uri"] = uri, ["type"] = type };
        if (etag is not null)
        {
            metadata["etag"] = etag;
        }

        return metadata;
    }

    public static JsonObject ServiceDocument(IEnumerable<string> entitySets) =>
        new() { ["d"] = new JsonObject { ["EntitySets"] = new JsonArray(entitySets.Select(e => (JsonNode?)e).ToArray()) } };
}
