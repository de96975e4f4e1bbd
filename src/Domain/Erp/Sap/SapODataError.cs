namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// An SAP Gateway error body: <c>{"error":{"code":"V1/302","message":{"lang":"en","value":"..."},
/// "innererror":{"errordetails":[{"code":"...","message":"...","severity":"error"}]}}}</c>.
/// </summary>
public sealed record SapODataError(string Code, string Message, IReadOnlyList<string> Details)
{
    /// <summary>"code: message" plus error-severity details that say something more.</summary>
    public string Text()
    {
        var head = string.IsNullOrEmpty(Code) ? Message : $"{Code}: {Message}";
        var extra = Details.Where(d => !string.IsNullOrEmpty(d) && d != Message).Distinct(StringComparer.Ordinal).ToList();
        return extra.Count == 0 ? head : head + " (" + string.Join("; ", extra) + ")";
    }

    /// <summary>Null when the body is not an OData error (an HTML page from a proxy, plain text from the ICM...).</summary>
    public static SapODataError? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
            return new SapODataError(code, MessageOf(error), DetailsOf(error));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string MessageOf(JsonElement error)
    {
        if (!error.TryGetProperty("message", out var message))
        {
            return "";
        }

        // V2 nests the text in {"lang","value"}; some gateways answer a bare string.
        return message.ValueKind switch
        {
            JsonValueKind.Object when message.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.String => message.GetString() ?? "",
            _ => "",
        };
    }

    private static List<string> DetailsOf(JsonElement error)
    {
        var details = new List<string>();
        if (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty("errordetails", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in list.EnumerateArray())
            {
                var severity = detail.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "error";
                if (severity is "error" && detail.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    details.Add(m.GetString() ?? "");
                }
            }
        }

        return details;
    }
}
