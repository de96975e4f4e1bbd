namespace ServerlessSync.Pipeline.Tests.Storage;

public sealed class RecentKeysTests
{
    [Fact]
    public void The_oldest_key_is_forgotten_first_once_the_capacity_is_reached()
    {
        var recent = new RecentKeys(2);
        recent.Add("a");
        recent.Add("b");
        recent.Add("a"); // already there: does not move or duplicate it
        recent.Add("c");

        Assert.False(recent.Contains("a"));
        Assert.True(recent.Contains("b"));
        Assert.True(recent.Contains("c"));
    }
}
