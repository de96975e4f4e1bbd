namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>The raw (legacy) request envelope every K/3 Cloud build accepts: <c>{"parameters":[...]}</c>.</summary>
public static class KingdeeEnvelope
{
    public static string Raw(params JsonNode?[] parameters) =>
        new JsonObject { ["parameters"] = new JsonArray(parameters) }.ToJsonString();
}
