namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>Reads the open-API envelope: <c>data</c> on <c>result = 1</c>, the error otherwise.</summary>
internal static class KuaishouEnvelope
{
    /// <exception cref="KuaishouResponseFormatException">Not JSON.</exception>
    public static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new KuaishouResponseFormatException("response is not valid JSON", ex);
        }
    }

    /// <summary>The envelope's <c>data</c> object, or the error.</summary>
    /// <exception cref="KuaishouResponseFormatException">Not an envelope, or a success without a data object.</exception>
    public static (JsonElement? Data, KuaishouApiError? Error) Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (ErrorOf(root) is { } error)
        {
            return (null, error);
        }

        return KuaishouJson.Object(root, "data") is { } data
            ? (data, null)
            : throw new KuaishouResponseFormatException("success response without a data object");
    }

    /// <summary>The error of a non-success envelope, null on <c>result = 1</c>.</summary>
    /// <exception cref="KuaishouResponseFormatException">Not an envelope with a result.</exception>
    public static KuaishouApiError? ErrorOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || PlatformJson.Long(root, "result") is not { } result)
        {
            throw new KuaishouResponseFormatException("response is not an open-API envelope with a result");
        }

        return result == KuaishouApiError.SuccessResult
            ? null
            : new KuaishouApiError(
                result,
                PlatformJson.String(root, "error_msg"),
                PlatformJson.String(root, "code"),
                PlatformJson.String(root, "sub_code"),
                PlatformJson.String(root, "sub_msg"));
    }
}

/// <summary>Reads the answer of a write whose <c>data</c> the caller does not need (e.g. <c>open.seller.order.note.add</c>).</summary>
public static class KuaishouWriteAnswer
{
    /// <summary>The error, or null on <c>result = 1</c>.</summary>
    /// <exception cref="KuaishouResponseFormatException">Not JSON, or not an envelope with a result.</exception>
    public static KuaishouApiError? ErrorOf(string json)
    {
        using var document = KuaishouEnvelope.Parse(json);
        return KuaishouEnvelope.ErrorOf(document.RootElement);
    }
}
