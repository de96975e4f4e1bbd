namespace ServerlessSync.Domain.Tests.Erp.Jushuitan;

public sealed class JushuitanSkuQueryTests
{
    [Fact]
    public void A_query_by_name_or_by_codes_asks_one_page_of_the_given_size()
    {
        var byName = JsonNode.Parse(JushuitanSkuQuery.ByName("面霜", 20))!;
        var byCodes = JsonNode.Parse(JushuitanSkuQuery.BySkuIds(["MAT-LIP-01", "MAT-LIP-02"], 50))!;

        Assert.Equal(("面霜", 1, 20), (byName["name"]!.GetValue<string>(), byName["page_index"]!.GetValue<int>(), byName["page_size"]!.GetValue<int>()));
        Assert.Equal("MAT-LIP-01,MAT-LIP-02", byCodes["sku_ids"]!.GetValue<string>());
        Assert.Null(byCodes["name"]);
    }

    [Fact]
    public void More_than_20_codes_a_code_with_a_comma_or_a_page_over_50_are_refused_before_sending()
    {
        var codes = Enumerable.Range(1, JushuitanSkuQuery.MaxSkuIds + 1).Select(i => $"SKU-{i}").ToList();

        Assert.Throws<ArgumentException>(() => JushuitanSkuQuery.BySkuIds(codes, 20));
        Assert.Throws<ArgumentException>(() => JushuitanSkuQuery.BySkuIds(["A,B"], 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => JushuitanSkuQuery.ByName("面霜", JushuitanSkuQuery.MaxPageSize + 1));
        var twenty = JsonNode.Parse(JushuitanSkuQuery.BySkuIds(codes.Take(JushuitanSkuQuery.MaxSkuIds).ToList(), JushuitanSkuQuery.MaxPageSize))!;
        Assert.Equal(20, twenty["sku_ids"]!.GetValue<string>().Split(',').Length);
    }

    [Fact]
    public void Rows_become_materials_with_unit_and_colour_spec_and_a_row_without_sku_id_is_a_protocol_error()
    {
        var materials = JushuitanSkuQuery.Parse(JushuitanResponse.Parse(
            """{"code":0,"msg":"执行成功","data":{"page_index":1,"has_next":false,"datas":[{"sku_id":"MAT-1","name":"口红","unit":"支","properties_value":"红色;#01"},{"sku_id":"MAT-2","name":"面膜","unit":""}]}}"""));
        var empty = JushuitanSkuQuery.Parse(JushuitanResponse.Parse("""{"code":0,"msg":"","data":{"datas":null}}"""));

        Assert.Equal([new ErpMaterial("MAT-1", "口红", "支", "红色;#01"), new ErpMaterial("MAT-2", "面膜", null)], materials);
        Assert.Empty(empty);
        Assert.Throws<ErpProtocolException>(() => JushuitanSkuQuery.Parse(JushuitanResponse.Parse("""{"code":0,"msg":"","data":{"datas":[{"name":"x"}]}}""")));
        Assert.Throws<ErpProtocolException>(() => JushuitanSkuQuery.Parse(JushuitanResponse.Parse("""{"code":0,"msg":"","data":{"datas":{"sku_id":"x"}}}""")));
    }
}
