namespace ServerlessSync.Pipeline.Tests.Erp.Batching;

public sealed class ErpCreateMarkersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task First_sends_are_marked_without_a_read_and_a_chunk_that_meets_a_marker_writes_nothing_and_is_answered()
    {
        var markers = ErpTestStorage.Markers();
        var shopA = Enumerable.Range(0, 130).Select(i => new ErpOrderIdentity("douyin", "shop-a", $"69{i:D6}")).ToList();
        var shopB = Enumerable.Range(0, 3).Select(i => new ErpOrderIdentity("douyin", "shop-b", $"70{i:D6}")).ToList();
        await markers.MarkSentAsync([shopB[1]], T0, default);
        await markers.MarkAnsweredAsync([shopB[1]], default);

        var contested = await markers.MarkFirstSentAsync([.. shopA, .. shopB], T0.AddMinutes(1), default);

        Assert.Equal(shopB.ToHashSet(), contested.ToHashSet());
        var found = await markers.GetAsync([.. shopA, .. shopB], default);
        Assert.All(shopA, o => Assert.Equal(new ErpCreateMarker(T0.AddMinutes(1), false), found[o.ExternalOrderNo]));
        Assert.Equal(new ErpCreateMarker(T0, true), found[shopB[1].ExternalOrderNo]); // left as it was
        Assert.False(found.ContainsKey(shopB[0].ExternalOrderNo)); // its chunk wrote nothing
        Assert.Equal(shopA.ToHashSet(), (await markers.MarkFirstSentAsync(shopA, T0.AddMinutes(2), default)).ToHashSet());
    }
}
