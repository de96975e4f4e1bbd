using ServerlessSync.Domain.Mapping;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>A draft profile and one order: a recent order's id (read from the platform) or a pasted order-detail answer.</summary>
public sealed record PreviewRequest(JsonElement? Profile, string? OrderId, JsonElement? Payload);

/// <summary>
/// <c>POST /api/mapping/{platform}/{shopId}/preview</c>: the ERP document a draft profile would write for one order beside
/// the one the current profile writes, and whether either would quarantine or hold it and why. Both go through the
/// planner the sync uses; nothing is stored or sent to the ERP.
/// </summary>
public sealed class MappingPreviewApi(ProfileStore store, IEnumerable<IPlatformOrderClient> platforms)
{
    private const string Refused = "nothing (preview refused)";

    public async Task<AdminOutcome> PreviewAsync(string platform, string shopId, string body, CancellationToken cancellationToken)
    {
        var (request, unreadable) = RequestJson.Read<PreviewRequest>(body);
        if (request is null)
        {
            return new(unreadable!, Refused);
        }

        if (request.Profile is not { ValueKind: JsonValueKind.Object } draftJson)
        {
            return new(HttpReply.Error(400, "give the draft profile in \"profile\""), Refused);
        }

        var (draft, invalid) = ProfileApi.ParseProfile(draftJson.GetRawText(), platform, shopId);
        if (draft is null)
        {
            return new(invalid!, Refused);
        }

        var (order, status, problem) = await OrderOfAsync(platform, shopId, request, cancellationToken);
        if (order is null)
        {
            return new(HttpReply.Error(status, problem!), Refused);
        }

        var current = await store.GetAsync(platform, shopId, cancellationToken);
        return new(
            HttpReply.JsonBody(200, new
            {
                orderId = order.Key.OrderId,
                platformStatus = order.PlatformStatus,
                current = current is null ? null : new { version = current.Version, plan = PlanView.For(order, current) },
                draft = PlanView.For(order, draft),
            }),
            $"nothing (preview of order {order.Key.OrderId})");
    }

    private async Task<(Order? Order, int Status, string? Problem)> OrderOfAsync(string platform, string shopId, PreviewRequest request, CancellationToken cancellationToken)
    {
        if (request.Payload is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } payload)
        {
            var text = payload.ValueKind == JsonValueKind.String ? payload.GetString()! : payload.GetRawText();
            var (pasted, unreadable) = PastedOrder.Parse(platform, shopId, text);
            return (pasted, 400, unreadable);
        }

        if (string.IsNullOrWhiteSpace(request.OrderId))
        {
            return (null, 400, "give a recent order's id in \"orderId\" or paste the platform's order-detail answer in \"payload\"");
        }

        if (platforms.FirstOrDefault(p => p.Platform == platform) is not { } client)
        {
            return (null, 400, $"no order client is configured for {platform}; paste the order in \"payload\" instead");
        }

        try
        {
            return (await client.GetOrderAsync(new OrderKey(platform, shopId, request.OrderId.Trim()), cancellationToken), 200, null);
        }
        catch (PlatformRequestException ex)
        {
            return (null, 400, $"{platform} refused to read order {request.OrderId}: {ex.Message}");
        }
        catch (PlatformTransientException ex)
        {
            return (null, 503, $"{platform} did not answer this time ({ex.Message}); try again");
        }
    }
}
