using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>
/// A DynamicFormService call's form id and data, from either envelope: raw <c>{"parameters":[formId, data]}</c>
/// (query: <c>{"parameters":[{FormId,...}]}</c>) or SDK <c>{"formid":..., "data":{...}}</c> / <c>{"data":{FormId,...}}</c>.
/// Data may be an object or a JSON string.
/// </summary>
public sealed record KingdeeSimRequest(string? FormId, JsonObject? Data)
{
    public static KingdeeSimRequest From(JsonNode? body)
    {
        if (body is not JsonObject root)
        {
            return new KingdeeSimRequest(null, null);
        }

        if (KingdeeSimJson.Get(root, "parameters") is JsonArray parameters)
        {
            if (parameters.Count >= 2 && KingdeeSimJson.AsObject(parameters[0]) is null)
            {
                return new KingdeeSimRequest(KingdeeSimJson.Text(parameters[0]), KingdeeSimJson.AsObject(parameters[1]));
            }

            var only = parameters.Count > 0 ? KingdeeSimJson.AsObject(parameters[0]) : null;
            return new KingdeeSimRequest(KingdeeSimJson.Text(only, "FormId"), only);
        }

        var data = KingdeeSimJson.AsObject(KingdeeSimJson.Get(root, "data"));
        var formId = KingdeeSimJson.Text(root, "formid") ?? KingdeeSimJson.Text(data, "FormId");
        return new KingdeeSimRequest(formId, data);
    }
}
