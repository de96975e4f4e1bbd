namespace ServerlessSync.Pipeline.Tests.Mapping;

public sealed class ComboSplitApiTests
{
    [Theory]
    [InlineData("9901", null, "1:5000,2:2500", new long[] { 4951, 4950 })]
    [InlineData("100", "Equal", "1:1,1:1,1:1", new long[] { 34, 33, 33 })]
    [InlineData("1000", "Quantity", "1:0,3:0", new long[] { 250, 750 })]
    [InlineData("0", null, "2:100", new long[] { 0 })]
    public void Splits_to_the_fen_as_the_planner_does(string amount, string? basis, string components, long[] expected)
    {
        var reply = ComboSplitApi.Split(amount, basis, components);

        Assert.Equal(200, reply.StatusCode);
        var shares = JsonDocument.Parse(reply.Body).RootElement.GetProperty("sharesFen").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(expected, shares);
        Assert.Equal(long.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), shares.Sum());
    }

    [Theory]
    [InlineData("-1", null, "1:1", "amountFen")]
    [InlineData("12.5", null, "1:1", "amountFen")]
    [InlineData("100", "ByWeight", "1:1", "basis")]
    [InlineData("100", null, "", "components")]
    [InlineData("100", null, "0:100", "component 1")]
    [InlineData("100", null, "1:100,2", "component 2")]
    [InlineData("100", null, "2:5000000000000000000", "out of range")]
    public void Bad_input_gets_a_400_that_says_what_is_wrong(string amount, string? basis, string components, string names)
    {
        var reply = ComboSplitApi.Split(amount, basis, components);

        Assert.Equal(400, reply.StatusCode);
        Assert.Contains(names, JsonDocument.Parse(reply.Body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
