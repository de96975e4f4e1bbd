using System.Text.Json;
using DurableTask.Core.Serializing;

namespace ServerlessSync.LocalHost.Durable;

/// <summary>
/// The TaskHubClient must serialize orchestration inputs the way the Microsoft.DurableTask shims deserialize
/// them (System.Text.Json), not with DTFx's default Newtonsoft converter.
/// </summary>
internal sealed class SystemTextJsonDataConverter : DataConverter
{
    public override string Serialize(object value) => JsonSerializer.Serialize(value);

    public override string Serialize(object value, bool formatted) => JsonSerializer.Serialize(value);

    public override object Deserialize(string data, Type objectType) =>
        JsonSerializer.Deserialize(data, objectType) ?? throw new JsonException($"'{objectType.Name}' payload is null.");
}
