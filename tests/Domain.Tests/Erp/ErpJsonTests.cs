namespace ServerlessSync.Domain.Tests.Erp;

public sealed class ErpJsonTests
{
    private static JsonElement Root(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("""{"v":"200"}""", "200")]
    [InlineData("""{"v":200}""", "200")]
    [InlineData("""{"v":1234567890123456789}""", "1234567890123456789")]
    [InlineData("""{"v":true}""", "true")]
    [InlineData("""{"v":false}""", "false")]
    [InlineData("""{"v":null}""", null)]
    [InlineData("""{"v":{"x":1}}""", null)]
    [InlineData("""{"other":"1"}""", null)]
    public void Strings_read_from_any_scalar_and_ids_keep_every_digit(string json, string? expected) =>
        Assert.Equal(expected, ErpJson.ReadStringProperty(Root(json), "v"));

    [Theory]
    [InlineData("""{"v":14}""", 14)]
    [InlineData("""{"v":"14"}""", 14)]
    [InlineData("""{"v":""}""", null)]
    [InlineData("""{"v":"x"}""", null)]
    [InlineData("""{"v":1.5}""", null)]
    [InlineData("""{}""", null)]
    public void Ints_read_from_numbers_and_quoted_numbers(string json, int? expected) =>
        Assert.Equal(expected, ErpJson.ReadIntProperty(Root(json), "v"));

    [Theory]
    [InlineData("""{"v":12.50}""", "12.50")]
    [InlineData("""{"v":"12.50"}""", "12.50")]
    [InlineData("""{"v":"1.5E2"}""", "150")]
    [InlineData("""{"v":"abc"}""", null)]
    [InlineData("""{}""", null)]
    public void Decimals_read_from_numbers_quoted_numbers_and_exponents(string json, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ErpJson.ReadDecimalProperty(Root(json), "v"));

    [Theory]
    [InlineData("""{"v":true}""", true)]
    [InlineData("""{"v":"false"}""", false)]
    [InlineData("""{"v":"True"}""", true)]
    [InlineData("""{"v":"1"}""", true)]
    [InlineData("""{"v":0}""", false)]
    [InlineData("""{"v":"yes"}""", null)]
    [InlineData("""{}""", null)]
    public void Booleans_read_from_booleans_words_and_ones_and_zeros(string json, bool? expected) =>
        Assert.Equal(expected, ErpJson.ReadBoolProperty(Root(json), "v"));

    [Fact]
    public void Exact_name_wins_and_a_name_in_another_case_is_found_otherwise()
    {
        Assert.Equal("exact", ErpJson.ReadStringProperty(Root("""{"isSuccess":"other","IsSuccess":"exact"}"""), "IsSuccess"));
        Assert.Equal("lower", ErpJson.ReadStringProperty(Root("""{"issuccess":"lower"}"""), "IsSuccess"));
    }

    [Fact]
    public void Properties_of_a_non_object_are_missing_not_an_error()
    {
        Assert.False(ErpJson.TryGetProperty(Root("[1,2]"), "v", out _));
        Assert.Null(ErpJson.ReadStringProperty(Root("\"text\""), "v"));
    }

    [Fact]
    public void Arrays_inside_an_envelope_are_found_and_a_non_array_is_not_one()
    {
        var data = Root("""{"data":{"datas":[{"a":1},{"a":2}],"count":"2"}}""").GetProperty("data");

        Assert.True(ErpJson.TryGetArray(data, "datas", out var rows));
        Assert.Equal(2, rows.GetArrayLength());
        Assert.False(ErpJson.TryGetArray(data, "count", out _));
        Assert.False(ErpJson.TryGetArray(data, "missing", out _));
    }

    [Fact]
    public void A_body_that_is_not_json_is_a_protocol_error_naming_the_erp()
    {
        var error = Assert.Throws<ErpProtocolException>(() => ErpJson.ParseDocument("<html>502</html>", "YonBIP"));

        Assert.Equal("YonBIP answered a body that is not JSON.", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }
}
